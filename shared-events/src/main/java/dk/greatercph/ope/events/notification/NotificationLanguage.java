package dk.greatercph.ope.events.notification;

/** The language a recipient reads its e-mails in. */
public enum NotificationLanguage {
    DA,
    EN
}
