package dk.greatercph.ope.platform.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code ope.notifications.webhooks.*}: whether plain http is allowed (by default only in the embedded default),
 * whether internal addresses are allowed at all, and single addresses allowed anyway (a test's local receiver).
 */
@ConfigurationProperties("ope.notifications.webhooks")
public record WebhookProperties(Boolean requireHttps, boolean allowPrivate, List<String> allowedAddresses) {

    public WebhookProperties {
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
    }
}
