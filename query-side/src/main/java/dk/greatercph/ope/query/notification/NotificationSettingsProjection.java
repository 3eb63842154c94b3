package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.events.notification.NotificationRecipientAddedEvent;
import dk.greatercph.ope.events.notification.NotificationRecipientRemovedEvent;
import dk.greatercph.ope.events.notification.WebhookSecretRotatedEvent;
import dk.greatercph.ope.events.notification.WebhookSubscribedEvent;
import dk.greatercph.ope.events.notification.WebhookUnsubscribedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Projects the notification settings into {@code notification_recipient} and {@code notification_webhook}. */
@Component
@ProcessingGroup(NotificationSettingsProjection.NAME)
class NotificationSettingsProjection {

    static final String NAME = "notification-settings";

    private final JdbcClient jdbc;

    NotificationSettingsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationRecipientAddedEvent event) {
        jdbc.sql("""
                        INSERT INTO notification_recipient (recipient_id, owner, address, language)
                        VALUES (:id, :owner, :address, :language)
                        ON CONFLICT (recipient_id) DO UPDATE SET owner = EXCLUDED.owner, address = EXCLUDED.address,
                            language = EXCLUDED.language
                        """)
                .param("id", event.recipientId()).param("owner", event.owner()).param("address", event.address())
                .param("language", event.language().name().toLowerCase(Locale.ROOT)).update();
    }

    @EventHandler
    void on(NotificationRecipientRemovedEvent event) {
        jdbc.sql("DELETE FROM notification_recipient WHERE recipient_id = :id").param("id", event.recipientId()).update();
    }

    @EventHandler
    void on(WebhookSubscribedEvent event) {
        jdbc.sql("""
                        INSERT INTO notification_webhook (webhook_id, owner, url, secret_version)
                        VALUES (:id, :owner, :url, :version)
                        ON CONFLICT (webhook_id) DO UPDATE SET owner = EXCLUDED.owner, url = EXCLUDED.url,
                            secret_version = EXCLUDED.secret_version
                        """)
                .param("id", event.webhookId()).param("owner", event.owner()).param("url", event.url())
                .param("version", event.secretVersion()).update();
    }

    @EventHandler
    void on(WebhookSecretRotatedEvent event) {
        jdbc.sql("UPDATE notification_webhook SET secret_version = :version WHERE webhook_id = :id")
                .param("id", event.webhookId()).param("version", event.secretVersion()).update();
    }

    @EventHandler
    void on(WebhookUnsubscribedEvent event) {
        jdbc.sql("DELETE FROM notification_webhook WHERE webhook_id = :id").param("id", event.webhookId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM notification_recipient").update();
        jdbc.sql("DELETE FROM notification_webhook").update();
    }
}
