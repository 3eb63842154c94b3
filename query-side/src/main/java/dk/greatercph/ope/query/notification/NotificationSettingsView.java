package dk.greatercph.ope.query.notification;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Who of an owner is told by e-mail and which webhooks it has; secrets are never shown here. */
@Schema(name = "NotificationSettings")
record NotificationSettingsView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "clean") String owner,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Recipient> recipients,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Webhook> webhooks) {

    @Schema(name = "NotificationRecipient")
    record Recipient(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "RCP-4b8c1d2e-0f3a-4b5c-9d6e-7f8091a2b3c4") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "bookings@clean.example") String address,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "da", allowableValues = {"da", "en"}) String language) {
    }

    @Schema(name = "NotificationWebhook")
    record Webhook(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WH-2b7e0c1e-3c1f-4d55-8f5e-0a1b2c3d4e5f") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://crm.clean.example/hooks/ope") String url,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") int secretVersion) {
    }
}
