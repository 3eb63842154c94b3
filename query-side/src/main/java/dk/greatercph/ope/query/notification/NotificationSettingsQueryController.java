package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** An owner's notification settings as the settings projection holds them. */
@RestController
@Tag(name = "Notifications", description = "An operator's or the desk's notification settings as they are recorded: e-mail recipients and webhooks, never their secrets.")
class NotificationSettingsQueryController {

    private final JdbcClient jdbc;
    private final ProjectionProgress progress;

    NotificationSettingsQueryController(JdbcClient jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @GetMapping(path = "/api/notification-settings/{owner}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An operator's or the desk's e-mail recipients and webhooks (never their secrets)",
            description = "DESK and AUDITOR any owner, OPERATOR its own; another operator's is 404.")
    @ApiResponse(responseCode = "200", description = "The settings (empty lists when nothing is configured)")
    @ApiResponse(responseCode = "404", description = "No such owner, or another operator's (NOTIFICATION_OWNER_NOT_FOUND)")
    NotificationSettingsView settings(
            @Parameter(description = "An operator id, or desk for the desk's own settings") @PathVariable String owner) {
        mayRead(owner);
        return new NotificationSettingsView(owner, recipients(owner, null), webhooks(owner, null));
    }

    @GetMapping(path = "/api/notification-settings/{owner}/recipients/{recipientId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One e-mail recipient of an owner's notification settings",
            description = """
                    Where the Location of a recipient's addition points. DESK and AUDITOR any owner, OPERATOR its own; \
                    another operator's is 404. With ?minVersion (the ETag the addition answered) the request waits up \
                    to 5 seconds for a recipient added a moment ago to appear.""")
    @ApiResponse(responseCode = "200", description = "The recipient")
    @ApiResponse(responseCode = "404", description = "No such owner or another operator's (NOTIFICATION_OWNER_NOT_FOUND), "
            + "or no such recipient (RECIPIENT_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    NotificationSettingsView.Recipient recipient(
            @Parameter(description = "An operator id, or desk for the desk's own settings", example = "clean")
            @PathVariable String owner,
            @Parameter(description = "The recipient's id", example = "RCP-4b8c1d2e-0f3a-4b5c-9d6e-7f8091a2b3c4")
            @PathVariable String recipientId,
            @Parameter(description = "Wait (at most 5 s) for a recipient added a moment ago to appear", example = "0")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        mayRead(owner);
        return one(minVersion, () -> recipients(owner, recipientId))
                .orElseThrow(() -> new DomainProblem(NotificationQueryProblem.RECIPIENT_NOT_FOUND,
                        "'" + owner + "' has no recipient " + recipientId + "."));
    }

    @GetMapping(path = "/api/notification-settings/{owner}/webhooks/{webhookId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One webhook of an owner's notification settings (never its secret)",
            description = """
                    Where the Location of a webhook's subscription points. DESK and AUDITOR any owner, OPERATOR its \
                    own; another operator's is 404. With ?minVersion (the ETag the subscription answered) the \
                    request waits up to 5 seconds for a webhook subscribed a moment ago to appear.""")
    @ApiResponse(responseCode = "200", description = "The webhook")
    @ApiResponse(responseCode = "404", description = "No such owner or another operator's (NOTIFICATION_OWNER_NOT_FOUND), "
            + "or no such webhook (WEBHOOK_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    NotificationSettingsView.Webhook webhook(
            @Parameter(description = "An operator id, or desk for the desk's own settings", example = "clean")
            @PathVariable String owner,
            @Parameter(description = "The webhook's id", example = "WH-2b7e0c1e-3c1f-4d55-8f5e-0a1b2c3d4e5f")
            @PathVariable String webhookId,
            @Parameter(description = "Wait (at most 5 s) for a webhook subscribed a moment ago to appear", example = "0")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        mayRead(owner);
        return one(minVersion, () -> webhooks(owner, webhookId))
                .orElseThrow(() -> new DomainProblem(NotificationQueryProblem.WEBHOOK_NOT_FOUND,
                        "'" + owner + "' has no webhook " + webhookId + "."));
    }

    /** Refuses, as not found, an owner that does not exist or whose settings the caller may not see. */
    private void mayRead(String owner) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        boolean exists = "desk".equals(owner) || jdbc.sql("SELECT count(*) FROM operator_view WHERE operator_id = :id")
                .param("id", owner).query(Long.class).single() > 0;
        if (!exists || !user.mayActFor(owner)) {
            throw new DomainProblem(NotificationQueryProblem.NOTIFICATION_OWNER_NOT_FOUND,
                    "No notification settings '" + owner + "' that you may see.");
        }
    }

    /** The one row {@code read} finds; with minVersion, waiting (at most 5 s) until it is there. */
    private <T> Optional<T> one(Long minVersion, Supplier<List<T>> read) {
        return progress.appearing(NotificationSettingsProjection.NAME, minVersion, () -> read.get().stream().findFirst(),
                NotificationQueryProblem.PROJECTION_BEHIND);
    }

    /** The owner's recipients, or the one with {@code id} when not null. */
    private List<NotificationSettingsView.Recipient> recipients(String owner, String id) {
        return jdbc.sql("""
                        SELECT recipient_id, address, language FROM notification_recipient
                        WHERE owner = :owner AND (CAST(:id AS TEXT) IS NULL OR recipient_id = :id)
                        ORDER BY address, recipient_id
                        """)
                .param("owner", owner).param("id", id)
                .query((rs, n) -> new NotificationSettingsView.Recipient(rs.getString("recipient_id"),
                        rs.getString("address"), rs.getString("language")))
                .list();
    }

    /** The owner's webhooks, or the one with {@code id} when not null. */
    private List<NotificationSettingsView.Webhook> webhooks(String owner, String id) {
        return jdbc.sql("""
                        SELECT webhook_id, url, secret_version FROM notification_webhook
                        WHERE owner = :owner AND (CAST(:id AS TEXT) IS NULL OR webhook_id = :id)
                        ORDER BY url, webhook_id
                        """)
                .param("owner", owner).param("id", id)
                .query((rs, n) -> new NotificationSettingsView.Webhook(rs.getString("webhook_id"), rs.getString("url"),
                        rs.getInt("secret_version")))
                .list();
    }
}
