package dk.greatercph.ope.events.notification;

import org.axonframework.serialization.Revision;

/** A webhook receives nothing more. */
@Revision("1")
public record WebhookUnsubscribedEvent(String owner, String webhookId) {
}
