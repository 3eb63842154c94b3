package dk.greatercph.ope.command.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the notification settings commands. */
final class NotificationRequests {

    private NotificationRequests() {
    }

    @Schema(name = "AddNotificationRecipientRequest")
    record Recipient(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "bookings@clean.example", maxLength = 254,
                    description = "A mailbox of the organisation (a role or team address); stored in lower case")
            @NotBlank @Size(max = 254)
            @Pattern(regexp = "(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
            String address,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "da", allowableValues = {"da", "en"},
                    description = "The language of the recipient's e-mails")
            @NotNull @Pattern(regexp = "da|en") String language) {
    }

    @Schema(name = "SubscribeWebhookRequest")
    record Webhook(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://crm.clean.example/hooks/ope",
                    maxLength = 2000, description = "https outside the embedded default; never an internal address")
            @NotBlank @Size(max = 2000) String url) {
    }
}
