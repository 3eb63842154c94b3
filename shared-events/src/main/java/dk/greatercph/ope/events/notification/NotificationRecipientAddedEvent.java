package dk.greatercph.ope.events.notification;

import org.axonframework.serialization.Revision;

/**
 * An operator (or the desk, owner {@code desk}) has a new e-mail recipient for its notifications. The address is a
 * mailbox of the organisation (a role or team address), not a delegation member's.
 */
@Revision("1")
public record NotificationRecipientAddedEvent(String owner, String recipientId, String address,
                                              NotificationLanguage language) {
}
