package dk.greatercph.ope.events.notification;

import org.axonframework.serialization.Revision;

/** A recipient is no longer told anything. */
@Revision("1")
public record NotificationRecipientRemovedEvent(String owner, String recipientId) {
}
