package dk.greatercph.ope.command.notification;

import dk.greatercph.ope.events.notification.NotificationLanguage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands on one owner's notification settings; each targets the aggregate {@code notifications-<owner>}. */
public final class NotificationCommands {

    private NotificationCommands() {
    }

    /** The aggregate that holds an owner's settings: unique in the store beside the operator's own aggregate. */
    public static String settingsId(String owner) {
        return "notifications-" + owner;
    }

    public record AddRecipient(@TargetAggregateIdentifier String settingsId, String owner, String recipientId,
                               String address, NotificationLanguage language) {
    }

    public record RemoveRecipient(@TargetAggregateIdentifier String settingsId, String owner, String recipientId) {
    }

    public record SubscribeWebhook(@TargetAggregateIdentifier String settingsId, String owner, String webhookId,
                                   String url) {
    }

    public record RotateWebhookSecret(@TargetAggregateIdentifier String settingsId, String owner, String webhookId,
                                      Instant previousValidUntil) {
    }

    public record UnsubscribeWebhook(@TargetAggregateIdentifier String settingsId, String owner, String webhookId) {
    }

    /** What a settings command answers: the new version and, for a subscription or rotation, the new secret. */
    public record Result(long version, String secret, int secretVersion) {
    }
}
