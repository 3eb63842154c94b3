package dk.greatercph.ope.command.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A webhook's new signing secret, shown this once: keep it, it is never shown again. */
@Schema(name = "WebhookSecretIssued")
record WebhookSecretIssued(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WH-2b7e0c1e-3c1f-4d55-8f5e-0a1b2c3d4e5f")
        String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                description = "Standard Webhooks secret: whsec_ and the base64 HMAC-SHA256 key")
        String secret,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") int secretVersion,
        @Schema(description = "Until when the previous secret still signs too (rotation only)")
        Instant previousValidUntil,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3",
                description = "The settings' version after the command; also in the ETag header")
        long version) {
}
