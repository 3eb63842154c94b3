package dk.greatercph.ope.query.notification;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One notification in the outbox as administrators see it. */
@Schema(name = "Notification")
record OutboxView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "msg_5f1c0e2a9b7d4c3e8f6a1b2c3d4e5f60",
                description = "Stable id; a webhook's webhook-id header") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ASSIGNMENT_OFFERED",
                allowableValues = {"ASSIGNMENT_OFFERED", "ASSIGNMENT_WITHDRAWN", "DEADLINE_REMINDER",
                        "ASSIGNMENT_ESCALATED", "LEAD_DECLINED", "PROGRAMME_CONFIRMED", "PROGRAMME_ITEM_CHANGED",
                        "PROGRAMME_ITEM_CANCELLED", "PROGRAMME_CANCELLED", "SCOPE_EXPANSION_DECIDED"}) String kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "clean") String owner,
        @Schema(example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21") String delegationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EMAIL", "WEBHOOK"}) String channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The recipient's or webhook's id") String target,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The e-mail address or webhook URL") String address,
        @Schema(example = "da", allowableValues = {"da", "en"}) String language,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "E-mail subject, or the webhook's event type") String subject,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PENDING", "SENT", "HELD", "FAILED", "EVICTED", "DROPPED"},
                description = "PENDING: to be (re)tried; SENT: delivered; HELD: kept, no SMTP server configured; FAILED: gave up (a dead letter); EVICTED: given up by an administrator; DROPPED: its webhook was removed before it was delivered") String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") int attempts,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant createdAt,
        @Schema(format = "date-time") Instant nextAttemptAt,
        @Schema(format = "date-time") Instant sentAt,
        @Schema(description = "Why the last attempt failed") String lastError,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event (or reminder) that caused it") String cause) {

    /** A page of the outbox, newest first. */
    @Schema(name = "NotificationPage")
    record Page(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<OutboxView> items,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") long total,
                @Schema(example = "50", description = "The offset of the next page; absent on the last page") Long next) {
    }

    /** One notification with what it says. */
    @Schema(name = "NotificationDetail")
    record Detail(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OutboxView notification,
                  @Schema(description = "The e-mail's plain text") String text,
                  @Schema(description = "The webhook's JSON body") String payload,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Attached invitations (.ics)") List<String> attachments) {
    }
}
