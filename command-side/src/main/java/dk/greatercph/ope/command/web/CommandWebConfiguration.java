package dk.greatercph.ope.command.web;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.trip.TripId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.function.Function;

/**
 * What every command endpoint needs, bound once: the {@link ExpectedVersion} from {@code If-Match}, and typed ids
 * straight from the path ({@code @PathVariable DelegationId id}). A path segment that cannot be an id names no
 * resource: 404, with the code an unknown id of its kind gets ({@link UnknownIds}). In the OpenAPI document ids stay strings and If-Match stays a header parameter,
 * described by the {@link Parameter} annotation on the method's {@link ExpectedVersion} parameter.
 */
@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    static final String IF_MATCH = "If-Match";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ExpectedVersionResolver());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, DelegationId.class, id(DelegationId.class, DelegationId::new));
        registry.addConverter(String.class, TripId.class, id(TripId.class, TripId::new));
        registry.addConverter(String.class, PersonId.class, id(PersonId.class, PersonId::new));
        registry.addConverter(String.class, OperatorId.class, id(OperatorId.class, OperatorId::new));
        registry.addConverter(String.class, VenueId.class, id(VenueId.class, VenueId::new));
        registry.addConverter(String.class, PartnerId.class, id(PartnerId.class, PartnerId::new));
    }

    @Bean
    OperationCustomizer ifMatchHeader() {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(ExpectedVersion.class)
                .replaceWithClass(DelegationId.class, String.class)
                .replaceWithClass(TripId.class, String.class)
                .replaceWithClass(PersonId.class, String.class)
                .replaceWithClass(OperatorId.class, String.class)
                .replaceWithClass(VenueId.class, String.class)
                .replaceWithClass(PartnerId.class, String.class);
        return (operation, handlerMethod) -> {
            for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
                if (parameter.getParameterType() == ExpectedVersion.class) {
                    Parameter described = parameter.getParameterAnnotation(Parameter.class);
                    operation.addParametersItem(new HeaderParameter().name(IF_MATCH).required(false)
                            .description(described == null ? null : described.description())
                            .schema(new StringSchema()));
                }
            }
            return operation;
        };
    }

    /** A creating endpoint's answer is 201 with Location and ETag in the document, as it is on the wire. */
    @Bean
    OperationCustomizer createdAnswers() {
        return (operation, handlerMethod) -> {
            if (!handlerMethod.hasMethodAnnotation(Creates.class) || operation.getResponses() == null) {
                return operation;
            }
            io.swagger.v3.oas.models.responses.ApiResponse ok = operation.getResponses().remove("200");
            io.swagger.v3.oas.models.responses.ApiResponse created = operation.getResponses().get("201");
            if (created == null) {
                created = ok != null ? ok : new io.swagger.v3.oas.models.responses.ApiResponse();
                operation.getResponses().addApiResponse("201", created);
            }
            if (created.getContent() == null && ok != null) {
                created.setContent(ok.getContent());
            }
            if (created.getDescription() == null || created.getDescription().isBlank()
                    || "OK".equals(created.getDescription())) {
                created.setDescription("Created: its address in Location, its version in ETag");
            }
            created.addHeaderObject("Location", new io.swagger.v3.oas.models.headers.Header()
                    .description("The created resource").schema(new StringSchema().format("uri-reference")
                            .example("/api/delegations/DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")));
            created.addHeaderObject("ETag", new io.swagger.v3.oas.models.headers.Header()
                    .description("The aggregate's version after the command, for If-Match")
                    .schema(new StringSchema().example("\"0\"")));
            return operation;
        };
    }

    /** An id from a path, or the problem that says such a resource is not there ({@link UnknownIds}). */
    private static <T> Converter<String, T> id(Class<T> kind, Function<String, T> id) {
        return value -> {
            try {
                return id.apply(value);
            } catch (IllegalArgumentException e) {
                throw UnknownIds.problem(kind, value);
            }
        };
    }

    /** Binds {@link ExpectedVersion} from the request's If-Match header, absent or not; several are read as one list. */
    static final class ExpectedVersionResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ExpectedVersion.class;
        }

        @Override
        public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                               NativeWebRequest request, WebDataBinderFactory binders) {
            String[] values = request.getHeaderValues(IF_MATCH);
            return new ExpectedVersion(values == null ? null : String.join(",", values));
        }
    }
}
