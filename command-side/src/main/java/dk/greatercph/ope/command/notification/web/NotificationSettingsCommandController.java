package dk.greatercph.ope.command.notification.web;

import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.platform.idempotency.RecordedResource;
import dk.greatercph.ope.command.notification.NotificationCommands;
import dk.greatercph.ope.command.notification.NotificationProblem;
import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.events.notification.NotificationLanguage;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.platform.webhook.WebhookTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An operator's (or the desk's) notification settings. An operator manages only its own; the desk manages its own
 * ({@code desk}) and every operator's, as it does the operators themselves. Another operator's settings are 404.
 */
@RestController
@RequestMapping(path = "/api/notification-settings/{owner}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notifications (commands)",
        description = "Who of an operator or the desk is told by e-mail (address, language) and which webhooks receive signed notifications.")
class NotificationSettingsCommandController {

    static final String DESK = "desk";
    private static final String OWNER = "An operator id, or desk for the desk's own settings";

    private final CommandGateway gateway;
    private final RoutingTable routingTable;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration rotationOverlap;

    NotificationSettingsCommandController(CommandGateway gateway, RoutingTable routingTable, WebhookTargets targets,
                                   Clock clock,
                                   @Value("${ope.notifications.webhooks.rotation-overlap:PT24H}") Duration rotationOverlap) {
        this.gateway = gateway;
        this.routingTable = routingTable;
        this.targets = targets;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
    }

    @PostMapping(path = "/recipients", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an e-mail recipient (address and language da or en)",
            description = "DESK for any owner, OPERATOR for its own. Records NotificationRecipientAddedEvent. Answers 201 with the recipient's id.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "404", description = "No such owner, or another operator's (NOTIFICATION_OWNER_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "The address is already a recipient (RECIPIENT_EXISTS)")
    @Creates
    ResponseEntity<CommandAccepted> addRecipient(@Parameter(description = OWNER) @PathVariable String owner,
                                                 @Valid @RequestBody NotificationRequests.Recipient request) {
        String known = owner(owner);
        String id = "RCP-" + UUID.randomUUID();
        RecordedResource.at(location(known) + "/recipients/" + id);
        NotificationCommands.Result result = gateway.sendAndWait(new NotificationCommands.AddRecipient(
                NotificationCommands.settingsId(known), known, id, request.address(),
                NotificationLanguage.valueOf(request.language().toUpperCase(Locale.ROOT))));
        return CommandAnswers.created(location(known) + "/recipients/" + id, result.version(),
                new CommandAccepted(id, result.version()));
    }

    @DeleteMapping("/recipients/{recipientId}")
    @Operation(summary = "Remove an e-mail recipient", description = "DESK for any owner, OPERATOR for its own.")
    @ApiResponse(responseCode = "200", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such owner or recipient (NOTIFICATION_OWNER_NOT_FOUND, RECIPIENT_NOT_FOUND)")
    ResponseEntity<CommandAccepted> removeRecipient(@Parameter(description = OWNER) @PathVariable String owner,
                                                    @PathVariable String recipientId) {
        String known = owner(owner);
        NotificationCommands.Result result = send(new NotificationCommands.RemoveRecipient(
                NotificationCommands.settingsId(known), known, recipientId), recipientId);
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(new CommandAccepted(recipientId, result.version()));
    }

    @PostMapping(path = "/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Subscribe a webhook; the answer shows its signing secret once",
            description = "DESK for any owner, OPERATOR for its own. The URL must be https (outside the embedded default) and resolve only to public addresses (SSRF guard). Records WebhookSubscribedEvent; the secret is kept outside the event log.")
    @ApiResponse(responseCode = "201", description = "Subscribed; keep the secret")
    @ApiResponse(responseCode = "400", description = "Unusable URL (WEBHOOK_URL_INVALID, WEBHOOK_URL_NOT_HTTPS, WEBHOOK_URL_UNRESOLVABLE, WEBHOOK_URL_FORBIDDEN_ADDRESS)")
    @ApiResponse(responseCode = "404", description = "No such owner, or another operator's (NOTIFICATION_OWNER_NOT_FOUND)")
    @Creates
    ResponseEntity<WebhookSecretIssued> subscribe(@Parameter(description = OWNER) @PathVariable String owner,
                                                  @Valid @RequestBody NotificationRequests.Webhook request) {
        String known = owner(owner);
        String url = targets.check(request.url()).toString();
        String id = "WH-" + UUID.randomUUID();
        RecordedResource.at(location(known) + "/webhooks/" + id);
        NotificationCommands.Result result = gateway.sendAndWait(new NotificationCommands.SubscribeWebhook(
                NotificationCommands.settingsId(known), known, id, url));
        return CommandAnswers.created(location(known) + "/webhooks/" + id, result.version(),
                new WebhookSecretIssued(id, result.secret(), result.secretVersion(), null, result.version()));
    }

    @PostMapping("/webhooks/{webhookId}/secret-rotation")
    @Operation(summary = "Rotate a webhook's secret; the answer shows the new one once",
            description = "DESK for any owner, OPERATOR for its own. Until previousValidUntil (ope.notifications.webhooks.rotation-overlap, default 24 hours) deliveries carry a signature with each secret.")
    @ApiResponse(responseCode = "200", description = "Rotated; keep the new secret")
    @ApiResponse(responseCode = "404", description = "No such owner or webhook (NOTIFICATION_OWNER_NOT_FOUND, WEBHOOK_NOT_FOUND)")
    ResponseEntity<WebhookSecretIssued> rotate(@Parameter(description = OWNER) @PathVariable String owner,
                                               @PathVariable String webhookId) {
        String known = owner(owner);
        Instant previousUntil = clock.instant().plus(rotationOverlap);
        NotificationCommands.Result result = send(new NotificationCommands.RotateWebhookSecret(
                NotificationCommands.settingsId(known), known, webhookId, previousUntil), webhookId);
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(new WebhookSecretIssued(webhookId,
                result.secret(), result.secretVersion(), previousUntil, result.version()));
    }

    @DeleteMapping("/webhooks/{webhookId}")
    @Operation(summary = "Unsubscribe a webhook", description = "DESK for any owner, OPERATOR for its own. Its secrets are forgotten.")
    @ApiResponse(responseCode = "200", description = "Unsubscribed")
    @ApiResponse(responseCode = "404", description = "No such owner or webhook (NOTIFICATION_OWNER_NOT_FOUND, WEBHOOK_NOT_FOUND)")
    ResponseEntity<CommandAccepted> unsubscribe(@Parameter(description = OWNER) @PathVariable String owner,
                                                @PathVariable String webhookId) {
        String known = owner(owner);
        NotificationCommands.Result result = send(new NotificationCommands.UnsubscribeWebhook(
                NotificationCommands.settingsId(known), known, webhookId), webhookId);
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(new CommandAccepted(webhookId, result.version()));
    }

    /** Sends a command to settings that must already exist; settings never created know no recipient or webhook. */
    private NotificationCommands.Result send(Object command, String partId) {
        try {
            return gateway.sendAndWait(command);
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            throw new DomainProblem(command instanceof NotificationCommands.RemoveRecipient
                    ? NotificationProblem.RECIPIENT_NOT_FOUND : NotificationProblem.WEBHOOK_NOT_FOUND,
                    "No '" + partId + "' in these settings.");
        }
    }

    /** The owner if the caller may configure it: the desk any, an operator only its own; else 404. */
    private String owner(String owner) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        boolean exists = DESK.equals(owner) || (owner != null && owner.matches("[a-z][a-z0-9-]{1,31}")
                && routingTable.current().themesByOperator().containsKey(new OperatorId(owner)));
        if (!exists || !user.mayActFor(owner)) {
            throw new DomainProblem(NotificationProblem.NOTIFICATION_OWNER_NOT_FOUND,
                    "No notification settings '" + owner + "' that you may configure.");
        }
        return owner;
    }

    private static String location(String owner) {
        return "/api/notification-settings/" + owner;
    }
}
