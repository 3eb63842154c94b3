package dk.greatercph.ope.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Documents every problem code in the OpenAPI document: the {@code Problem} schema's {@code code} lists each
 * code of every {@link ProblemCode} enum of the product, with its status and meaning, and every operation
 * answers errors with that schema.
 */
final class ProblemCodesDocument implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    private static final String BASE_PACKAGE = "dk.greatercph.ope";

    private final Supplier<List<ProblemCode>> source;
    private Map<String, List<ProblemCode>> codes;

    /**
     * The product's codes, scanned for when the document is first made: the scan reads every class of the product
     * and took a cold start about 0.15 s, for a document most starts never serve.
     */
    ProblemCodesDocument() {
        this.source = ProblemCodesDocument::scan;
    }

    ProblemCodesDocument(List<ProblemCode> all) {
        this.source = () -> all;
        codes();
    }

    private synchronized Map<String, List<ProblemCode>> codes() {
        if (codes == null) {
            Map<String, List<ProblemCode>> byName = source.get().stream().collect(Collectors.groupingBy(
                    ProblemCode::name, TreeMap::new, Collectors.toList()));
            byName.forEach((name, same) -> {
                if (same.stream().map(ProblemCode::status).distinct().count() > 1) {
                    throw new IllegalStateException("Problem code " + name + " answers with more than one status.");
                }
            });
            codes = byName;
        }
        return codes;
    }

    /** Every constant of every enum in the product that implements {@link ProblemCode}. */
    static List<ProblemCode> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemCode.class));
        List<ProblemCode> all = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
                    ProblemCodesDocument.class.getClassLoader());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    all.add((ProblemCode) constant);
                }
            }
        }
        all.sort(Comparator.comparing(ProblemCode::name));
        return all;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        Set<String> replaced = new HashSet<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            if (!operation.getResponses().containsKey("default")) {
                operation.getResponses().addApiResponse("default", new ApiResponse()
                        .description("A problem (RFC 9457) with a stable code").content(problemContent()));
            }
            // an error an operation documents by its status (404, 409, …) is a problem too: springdoc filled such a
            // response without content of its own with the operation's success body
            operation.getResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && response.get$ref() == null) {
                    if (response.getContent() != null) {
                        response.getContent().values().forEach(media -> {
                            if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                                replaced.add(media.getSchema().get$ref());
                            }
                        });
                    }
                    response.setContent(problemContent());
                }
            });
        }));
        withoutUnused(openApi, replaced);
    }

    /**
     * A success body named only by the error responses replaced above (an event stream's SseEmitter) is no longer
     * used: left in, the contract check reports an unused component.
     */
    private static void withoutUnused(OpenAPI openApi, Set<String> candidates) {
        if (candidates.isEmpty() || openApi.getComponents().getSchemas() == null) {
            return;
        }
        String document;
        try {
            document = Json31.mapper().writeValueAsString(openApi);
        } catch (JsonProcessingException e) {
            return; // the document stays as it is; the contract check would say so
        }
        for (String ref : candidates) {
            if (ref.startsWith("#/components/schemas/") && !document.contains("\"" + ref + "\"")) {
                openApi.getComponents().getSchemas().remove(ref.substring("#/components/schemas/".length()));
            }
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }

    @SuppressWarnings("rawtypes")
    private Schema<?> problemSchema() {
        Map<String, List<ProblemCode>> codes = codes();
        StringSchema code = new StringSchema();
        code.setEnum(new ArrayList<>(codes.keySet()));
        code.description("The stable code clients act on. Each code, its HTTP status and meaning:\n\n"
                + codes.entrySet().stream()
                .map(e -> "- `" + e.getKey() + "` (" + e.getValue().get(0).status() + "): "
                        + e.getValue().stream().map(ProblemCode::meaning).distinct()
                        .collect(Collectors.joining(" / ")))
                .collect(Collectors.joining("\n")));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("The problem type; about:blank"));
        properties.put("title", new StringSchema().description("The HTTP status's reason phrase"));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong, for a person to read"));
        properties.put("instance", new StringSchema().format("uri").description("The path the problem arose at"));
        properties.put("code", code);
        properties.put("errors", new ArraySchema().description("For bad input: each offending field or parameter")
                .items(new ObjectSchema()
                        .addProperty("field", new StringSchema().description("The field or parameter"))
                        .addProperty("message", new StringSchema().description("What is wrong with it"))
                        .addProperty("code", new StringSchema().example("DATE_RECEIVED_IN_FUTURE").description(
                                "Where a rule with a code of its own refused the field (a date received after "
                                        + "today, a window ending before it starts): that code, also when the "
                                        + "answer's code is VALIDATION_FAILED because other fields were refused too"))));
        properties.put("incident", new StringSchema().description("For an unexpected error: the id to quote"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An error answer (RFC 9457 problem details). Bad input also lists each offending field "
                + "in errors.");
        problem.setProperties(properties);
        problem.setRequired(List.of("status", "code"));
        return problem;
    }
}
