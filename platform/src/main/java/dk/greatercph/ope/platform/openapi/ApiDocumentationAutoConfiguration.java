package dk.greatercph.ope.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The OpenAPI document names the product, its version and who answers for it, in every process that serves the
 * API (the embedded default and each side alone). Tags and operation descriptions live on the controllers.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentationAutoConfiguration {

    static final String TITLE = "One-Point-Entry";

    static final String DESCRIPTION = """
            Greater Copenhagen's single front door for foreign delegations, above all Chinese ones, and the \
            Capital Region's annual political trips to China. The desk registers, screens, routes, plans and closes \
            every incoming request; operators accept or decline their assignments and report outcomes; auditors read \
            and verify the whole history. Every change is an event: commands answer the new version in ETag and \
            accept If-Match and Idempotency-Key; errors are application/problem+json (RFC 9457) with a stable code.""";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI openApiDocument() {
        return new OpenAPI().info(new Info()
                .title(TITLE)
                .version(productVersion())
                .description(DESCRIPTION)
                .contact(new Contact().name("The One-Point-Entry desk, Greater Copenhagen")));
    }

    /**
     * The top-level tags once each (a tag both sides use is described on both) and in the order of their names, so
     * that the document is the same from one start to the next.
     */
    @Bean
    OpenApiCustomizer tagsOnceInNameOrder() {
        return document -> {
            if (document.getTags() == null) {
                return;
            }
            Map<String, Tag> byName = new LinkedHashMap<>();
            document.getTags().stream().sorted(Comparator.comparing(Tag::getName))
                    .forEach(tag -> byName.putIfAbsent(tag.getName(), tag));
            document.setTags(new ArrayList<>(byName.values()));
        };
    }

    /**
     * A number that must lie above its {@code @DecimalMin} ({@code inclusive = false}: a cost coverage's amount) is
     * documented with {@code exclusiveMinimum}; the document said {@code minimum: 0}, so a client generated from it
     * sent 0, which the server refuses.
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"})
    PropertyCustomizer exclusiveDecimalMinimum() {
        return (property, type) -> {
            if (property == null || type == null || type.getCtxAnnotations() == null) {
                return property;
            }
            for (Annotation annotation : type.getCtxAnnotations()) {
                if (annotation instanceof DecimalMin min && !min.inclusive()) {
                    property.setExclusiveMinimumValue(new BigDecimal(min.value()));
                }
            }
            return property;
        };
    }

    /** The {@code minimum} bean validation adds beside an {@code exclusiveMinimum} of the same value says less. */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer exclusiveMinimumAlone() {
        return document -> {
            if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
                return;
            }
            for (Schema<?> schema : document.getComponents().getSchemas().values()) {
                if (schema.getProperties() == null) {
                    continue;
                }
                for (Schema property : schema.getProperties().values()) {
                    if (property.getExclusiveMinimumValue() != null && property.getMinimum() != null
                            && property.getMinimum().compareTo(property.getExclusiveMinimumValue()) <= 0) {
                        property.setMinimum(null);
                    }
                }
            }
        };
    }

    /**
     * A property an answer's schema does not require may be {@code null}: the answers write an absent value as
     * {@code null} (an unrouted delegation's {@code leadOperator}, a city nobody named). JSON Schema
     * (OpenAPI 3.1) says so with the type {@code "null"} beside the property's own, and {@code null} among an enum's
     * values; a reference becomes {@code anyOf} the referenced schema or {@code null}. Without it, a client that
     * validates answers against this document refused them.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer optionalPropertiesMayBeNull() {
        return document -> {
            if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = document.getComponents().getSchemas();
            Set<String> sent = sentByClients(document, schemas);
            schemas.forEach((name, schema) -> {
                if (!sent.contains(name)) {
                    optionalMayBeNull(schema);
                }
            });
        };
    }

    /**
     * The schemas a request body uses, directly or inside another: what clients send keeps its types as they are (a
     * request reads null for an optional number or flag as no value only where its record says so).
     */
    @SuppressWarnings("rawtypes")
    static Set<String> sentByClients(OpenAPI document, Map<String, Schema> schemas) {
        Set<String> sent = new LinkedHashSet<>();
        List<Schema> pending = new ArrayList<>();
        if (document.getPaths() != null) {
            document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values().forEach(media -> {
                        if (media.getSchema() != null) {
                            pending.add(media.getSchema());
                        }
                    });
                }
            }));
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (sent.add(name) && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    pending.addAll(parts);
                }
            }
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                pending.add(additional);
            }
        }
        return sent;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void optionalMayBeNull(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            Schema value = property.getValue();
            if (required.contains(property.getKey()) || value == null) {
                continue;
            }
            if (value.get$ref() != null) {
                Schema either = new Schema<>();
                either.setDescription(value.getDescription());
                either.setReadOnly(value.getReadOnly());
                either.setDeprecated(value.getDeprecated());
                if (value.getExample() != null) {
                    either.setExample(value.getExample());
                }
                either.addAnyOfItem(new Schema<>().$ref(value.get$ref()));
                either.addAnyOfItem(new Schema<>().types(new LinkedHashSet<>(List.of("null"))));
                property.setValue(either);
                continue;
            }
            Set<String> types = value.getTypes() != null ? new LinkedHashSet<>(value.getTypes())
                    : value.getType() != null ? new LinkedHashSet<>(List.of(value.getType())) : null;
            if (types == null || types.contains("null")) {
                continue;
            }
            types.add("null");
            value.setTypes(types);
            if (value.getEnum() != null && !value.getEnum().contains(null)) {
                List values = new ArrayList<>(value.getEnum());
                values.add(null);
                value.setEnum(values);
            }
        }
    }

    /** The version the build wrote into {@code META-INF/ope/application-info.properties}. */
    static String productVersion() {
        Properties info = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/ope/application-info.properties").getInputStream()) {
            info.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the build's product version is missing", e);
        }
        return info.getProperty("ope.product.version");
    }
}
