package dk.greatercph.ope.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

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
