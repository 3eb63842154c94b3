package dk.greatercph.ope.query.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification outbox for administrators: pending, sent, held and failed notifications, and their retry. */
@RestController
@Validated
@RequestMapping(path = "/api/admin/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class OutboxController {

    private final OutboxAdministration outbox;

    OutboxController(OutboxAdministration outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "The notification outbox, newest first",
            description = "ADMIN. E-mails and webhook deliveries with their status: PENDING, SENT, HELD (no SMTP server configured), FAILED (gave up; also listed as dead letters of notification-webhooks when a webhook), EVICTED, DROPPED (a webhook removed before delivery).")
    @ApiResponse(responseCode = "200", description = "A page of notifications")
    @ApiResponse(responseCode = "400", description = "Unknown status (INVALID_NOTIFICATION_STATUS) or channel (INVALID_PARAMETER)")
    OutboxView.Page list(
            @Parameter(description = "Only notifications in this status", example = "FAILED")
            @RequestParam(required = false) String status,
            @Parameter(description = "Only this owner's (an operator id or desk)", example = "clean")
            @RequestParam(required = false) String owner,
            @Parameter(description = "Only about this delegation") @RequestParam(required = false) String delegation,
            @Parameter(description = "Only e-mails or only webhooks", schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"EMAIL", "WEBHOOK"}))
            @RequestParam(required = false) String channel,
            @Parameter(description = "Page size (at most 500)", example = "50")
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @Parameter(description = "Where the page starts: the next of the previous page", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return outbox.page(status, owner, delegation, channel, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notification with its text or webhook body", description = "ADMIN.")
    @ApiResponse(responseCode = "200", description = "The notification")
    @ApiResponse(responseCode = "404", description = "No such notification (NOTIFICATION_NOT_FOUND)")
    OutboxView.Detail one(@Parameter(description = "The notification's id") @PathVariable String id) {
        return outbox.one(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Try a FAILED or HELD notification again, with the same id",
            description = "ADMIN. It becomes PENDING with a fresh retry window.")
    @ApiResponse(responseCode = "200", description = "Queued again")
    @ApiResponse(responseCode = "404", description = "No such notification (NOTIFICATION_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "Neither FAILED nor HELD (NOTIFICATION_NOT_RETRYABLE)")
    OutboxView retry(@Parameter(description = "The notification's id") @PathVariable String id) {
        return outbox.retry(id);
    }
}
