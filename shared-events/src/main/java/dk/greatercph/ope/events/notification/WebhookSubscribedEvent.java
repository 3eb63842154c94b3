package dk.greatercph.ope.events.notification;

import org.axonframework.serialization.Revision;

/**
 * An operator (or the desk) receives its notifications at a webhook URL, signed with a secret of the given version.
 * The secret itself is kept outside the event log and shown once to the subscriber.
 */
@Revision("1")
public record WebhookSubscribedEvent(String owner, String webhookId, String url, int secretVersion) {
}
