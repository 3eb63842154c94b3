package dk.greatercph.ope.command.notification;

import dk.greatercph.ope.command.AggregateVersion;
import dk.greatercph.ope.events.notification.NotificationRecipientAddedEvent;
import dk.greatercph.ope.events.notification.NotificationRecipientRemovedEvent;
import dk.greatercph.ope.events.notification.WebhookSecretRotatedEvent;
import dk.greatercph.ope.events.notification.WebhookSubscribedEvent;
import dk.greatercph.ope.events.notification.WebhookUnsubscribedEvent;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.webhook.WebhookSecrets;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Who of one owner (an operator, or the desk) is told what happens: e-mail recipients with their language, and
 * webhooks with a signing secret that can be rotated. Created by its first command.
 */
@Aggregate
class NotificationSettings {

    static final int MAX_RECIPIENTS = 20;
    static final int MAX_WEBHOOKS = 10;

    @AggregateIdentifier
    private String settingsId;
    private final Map<String, String> recipients = new HashMap<>();
    private final Map<String, String> webhookUrls = new HashMap<>();
    private final Map<String, Integer> secretVersions = new HashMap<>();

    protected NotificationSettings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    NotificationCommands.Result handle(NotificationCommands.AddRecipient command) {
        String address = command.address().toLowerCase(Locale.ROOT);
        if (recipients.containsValue(address)) {
            throw new DomainProblem(NotificationProblem.RECIPIENT_EXISTS, "address",
                    "Field 'address': " + command.owner() + " already has this recipient.");
        }
        if (recipients.size() >= MAX_RECIPIENTS) {
            throw new DomainProblem(NotificationProblem.TOO_MANY_RECIPIENTS,
                    "An owner has at most " + MAX_RECIPIENTS + " recipients; remove one first.");
        }
        apply(new NotificationRecipientAddedEvent(command.owner(), command.recipientId(), address, command.language()));
        return new NotificationCommands.Result(AggregateVersion.current(), null, 0);
    }

    @CommandHandler
    NotificationCommands.Result handle(NotificationCommands.RemoveRecipient command) {
        if (!recipients.containsKey(command.recipientId())) {
            throw new DomainProblem(NotificationProblem.RECIPIENT_NOT_FOUND,
                    "No recipient '" + command.recipientId() + "' for " + command.owner() + ".");
        }
        apply(new NotificationRecipientRemovedEvent(command.owner(), command.recipientId()));
        return new NotificationCommands.Result(AggregateVersion.current(), null, 0);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    NotificationCommands.Result handle(NotificationCommands.SubscribeWebhook command, WebhookSecrets secrets) {
        if (webhookUrls.containsValue(command.url())) {
            throw new DomainProblem(NotificationProblem.WEBHOOK_EXISTS, "url",
                    "Field 'url': " + command.owner() + " already has a webhook at this URL.");
        }
        if (webhookUrls.size() >= MAX_WEBHOOKS) {
            throw new DomainProblem(NotificationProblem.TOO_MANY_WEBHOOKS,
                    "An owner has at most " + MAX_WEBHOOKS + " webhooks; remove one first.");
        }
        String secret = secrets.issue(command.webhookId(), 1, null);
        apply(new WebhookSubscribedEvent(command.owner(), command.webhookId(), command.url(), 1));
        return new NotificationCommands.Result(AggregateVersion.current(), secret, 1);
    }

    @CommandHandler
    NotificationCommands.Result handle(NotificationCommands.RotateWebhookSecret command, WebhookSecrets secrets) {
        Integer current = secretVersions.get(command.webhookId());
        if (current == null) {
            throw new DomainProblem(NotificationProblem.WEBHOOK_NOT_FOUND,
                    "No webhook '" + command.webhookId() + "' for " + command.owner() + ".");
        }
        int next = current + 1;
        String secret = secrets.issue(command.webhookId(), next, command.previousValidUntil());
        apply(new WebhookSecretRotatedEvent(command.owner(), command.webhookId(), next, command.previousValidUntil()));
        return new NotificationCommands.Result(AggregateVersion.current(), secret, next);
    }

    @CommandHandler
    NotificationCommands.Result handle(NotificationCommands.UnsubscribeWebhook command, WebhookSecrets secrets) {
        if (!webhookUrls.containsKey(command.webhookId())) {
            throw new DomainProblem(NotificationProblem.WEBHOOK_NOT_FOUND,
                    "No webhook '" + command.webhookId() + "' for " + command.owner() + ".");
        }
        secrets.forget(command.webhookId());
        apply(new WebhookUnsubscribedEvent(command.owner(), command.webhookId()));
        return new NotificationCommands.Result(AggregateVersion.current(), null, 0);
    }

    @EventSourcingHandler
    void on(NotificationRecipientAddedEvent event) {
        settingsId = NotificationCommands.settingsId(event.owner());
        recipients.put(event.recipientId(), event.address());
    }

    @EventSourcingHandler
    void on(NotificationRecipientRemovedEvent event) {
        recipients.remove(event.recipientId());
    }

    @EventSourcingHandler
    void on(WebhookSubscribedEvent event) {
        settingsId = NotificationCommands.settingsId(event.owner());
        webhookUrls.put(event.webhookId(), event.url());
        secretVersions.put(event.webhookId(), event.secretVersion());
    }

    @EventSourcingHandler
    void on(WebhookSecretRotatedEvent event) {
        secretVersions.put(event.webhookId(), event.secretVersion());
    }

    @EventSourcingHandler
    void on(WebhookUnsubscribedEvent event) {
        webhookUrls.remove(event.webhookId());
        secretVersions.remove(event.webhookId());
    }
}
