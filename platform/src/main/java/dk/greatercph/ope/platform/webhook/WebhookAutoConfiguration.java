package dk.greatercph.ope.platform.webhook;

import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import dk.greatercph.ope.platform.schema.SchemaModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Set;

/**
 * The webhook secrets' table and the SSRF guard, in every process: the command side checks a URL when it is
 * subscribed and issues secrets, the sender checks it again before each call and signs with the secrets.
 */
@AutoConfiguration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookAutoConfiguration {

    @Bean
    SchemaModule webhookSchemaModule() {
        return new SchemaModule("webhook", "classpath:db/webhook");
    }

    /** https is required unless configured otherwise or this is the embedded default (its own PostgreSQL). */
    @Bean
    @ConditionalOnMissingBean
    WebhookTargets webhookTargets(WebhookProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        boolean requireHttps = properties.requireHttps() != null
                ? properties.requireHttps()
                : embedded.getIfAvailable() == null;
        return WebhookTargets.withSystemResolver(requireHttps, properties.allowPrivate(),
                Set.copyOf(properties.allowedAddresses()));
    }

    @Bean
    WebhookSecrets webhookSecrets(JdbcClient jdbc) {
        return new WebhookSecrets(jdbc);
    }
}
