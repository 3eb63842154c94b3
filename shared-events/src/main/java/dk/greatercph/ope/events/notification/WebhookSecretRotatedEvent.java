package dk.greatercph.ope.events.notification;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A webhook's secret was replaced by a new version; until {@code previousValidUntil} deliveries are signed with
 * both, so that the receiver can switch without losing a notification.
 */
@Revision("1")
public record WebhookSecretRotatedEvent(String owner, String webhookId, int secretVersion, Instant previousValidUntil) {
}
