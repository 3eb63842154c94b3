package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.GeneralProblem;
import dk.greatercph.ope.platform.problem.ProblemWriter;
import dk.greatercph.ope.platform.security.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;

/**
 * Canonical input in every web process: the strict JSON reader for request bodies, the text rule for path and
 * query parameters, the date range for date parameters, and problem documents for every error raised before
 * Spring MVC (Tomcat, the security firewall, the container's error page).
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InputAutoConfiguration {

    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");

    /**
     * Replaces the JSON converter in its place among the server's converters (after Boot's own customizer,
     * which this configuration follows); the application's {@link JsonMapper} bean itself stays as it is.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer canonicalJsonConverter(JsonMapper json) {
        JacksonJsonHttpMessageConverter strict = new EveryFieldJsonConverter(CanonicalJson.strict(json));
        return builder -> builder.withJsonConverter(strict);
    }

    @Bean
    WebMvcConfigurer canonicalParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new CanonicalParameters());
                registry.addInterceptor(new KnownQueryParameters());
                registry.addInterceptor(new BodilessCommands());
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldAnnotation(new BoundedDateFormats());
                registry.addConverter(String.class, Integer.class, WholeNumbers.INTEGERS);
                registry.addConverter(String.class, Long.class, WholeNumbers.LONGS);
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new QueryParameterRecords());
            }
        };
    }

    /** Whole numbers in paths and query parameters in decimal digits only ({@link WholeNumbers}). */
    @Bean
    WholeNumbers wholeNumbers() {
        return new WholeNumbers();
    }

    /** Texts' {@code @Size} in characters, as the OpenAPI document counts them ({@link SizeInCharacters}). */
    @Bean
    ValidationConfigurationCustomizer sizesInCharacters() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(Size.class).includeExistingValidators(true)
                        .validatedBy(SizeInCharacters.class);
                hibernate.addMapping(mapping);
            }
        };
    }

    /** Before anything reads a body: one sent with a content coding is refused. */
    @Bean
    FilterRegistrationBean<ContentEncodingFilter> contentEncoding(JsonMapper json) {
        FilterRegistrationBean<ContentEncodingFilter> registration =
                new FilterRegistrationBean<>(new ContentEncodingFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Before anything reads the Accept header: every answer is UTF-8, whatever charset it asks for. */
    @Bean
    FilterRegistrationBean<AcceptWithoutCharset> acceptWithoutCharset() {
        FilterRegistrationBean<AcceptWithoutCharset> registration =
                new FilterRegistrationBean<>(new AcceptWithoutCharset());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Before Spring Security, whose CSRF filter reads a posted form's parameters first. */
    @Bean
    FilterRegistrationBean<MultipartFileNames> multipartFileNames() {
        FilterRegistrationBean<MultipartFileNames> registration = new FilterRegistrationBean<>(new MultipartFileNames());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(JsonMapper json) {
        return new ProblemErrorController(new ProblemWriter(json));
    }

    /** The security firewall's refusals ({@code //}, {@code ..}, {@code ;}, unknown methods) as problems. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return (request, response, rejected) -> {
            if (!KNOWN_METHODS.contains(request.getMethod())) {
                problems.write(response, "/", GeneralProblem.METHOD_NOT_ALLOWED,
                        "This method is not supported.");
                return;
            }
            // the firewall's own words say what it refused: "the header name \"…", "the header: \"…\" has a
            // value", the same for a parameter, or else the path
            String message = rejected.getMessage() == null ? "" : rejected.getMessage();
            for (String[] said : new String[][]{{"the header name", "header name"}, {"the header:", "header value"},
                    {"the parameter name", "parameter name"}, {"the parameter:", "parameter value"}}) {
                String part = said[1];
                if (message.contains(said[0])) {
                    // e.g. an Idempotency-Key in Cyrillic, whose bytes read as control characters: not the path
                    problems.write(response, ProblemWriter.safePath(request.getRequestURI()),
                            InputProblem.REQUEST_REJECTED, "A " + part + " holds characters the service does not "
                                    + "accept (only printable ISO-8859-1 text).");
                    return;
                }
            }
            problems.write(response, "/", InputProblem.REQUEST_REJECTED,
                    "The request path is not in canonical form (no '//', '..', ';' or encoded '.', '/', "
                            + "'\\', '%').");
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatProblems {

        /**
         * Replaces Tomcat's HTML error report with {@link ProblemErrorReportValve}, and closes the connection of a
         * request refused before its body was read ({@link RefusedBodyValve}).
         */
        @Bean
        ProblemReportCustomizer problemErrorReports(ObjectProvider<SecurityHeaders> headers) {
            return new ProblemReportCustomizer(headers.getIfAvailable(SecurityHeaders::defaults));
        }
    }

    static final class ProblemReportCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final SecurityHeaders headers;

        ProblemReportCustomizer(SecurityHeaders headers) {
            this.headers = headers;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addEngineValves(new RefusedBodyValve());
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(headers));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
