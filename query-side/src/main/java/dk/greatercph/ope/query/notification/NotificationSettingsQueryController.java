package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An owner's notification settings as the settings projection holds them. */
@RestController
@Tag(name = "Notifications", description = "An operator's or the desk's notification settings as they are recorded: e-mail recipients and webhooks, never their secrets.")
class NotificationSettingsQueryController {

    private final JdbcClient jdbc;

    NotificationSettingsQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/notification-settings/{owner}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An operator's or the desk's e-mail recipients and webhooks (never their secrets)",
            description = "DESK and AUDITOR any owner, OPERATOR its own; another operator's is 404.")
    @ApiResponse(responseCode = "200", description = "The settings (empty lists when nothing is configured)")
    @ApiResponse(responseCode = "404", description = "No such owner, or another operator's (NOTIFICATION_OWNER_NOT_FOUND)")
    NotificationSettingsView settings(
            @Parameter(description = "An operator id, or desk for the desk's own settings") @PathVariable String owner) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        boolean exists = "desk".equals(owner) || jdbc.sql("SELECT count(*) FROM operator_view WHERE operator_id = :id")
                .param("id", owner).query(Long.class).single() > 0;
        if (!exists || !user.mayActFor(owner)) {
            throw new DomainProblem(NotificationQueryProblem.NOTIFICATION_OWNER_NOT_FOUND,
                    "No notification settings '" + owner + "' that you may see.");
        }
        var recipients = jdbc.sql("""
                        SELECT recipient_id, address, language FROM notification_recipient WHERE owner = :owner
                        ORDER BY address, recipient_id
                        """)
                .param("owner", owner)
                .query((rs, n) -> new NotificationSettingsView.Recipient(rs.getString("recipient_id"),
                        rs.getString("address"), rs.getString("language")))
                .list();
        var webhooks = jdbc.sql("""
                        SELECT webhook_id, url, secret_version FROM notification_webhook WHERE owner = :owner
                        ORDER BY url, webhook_id
                        """)
                .param("owner", owner)
                .query((rs, n) -> new NotificationSettingsView.Webhook(rs.getString("webhook_id"), rs.getString("url"),
                        rs.getInt("secret_version")))
                .list();
        return new NotificationSettingsView(owner, recipients, webhooks);
    }
}
