package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/** Whether a kept checkpoint was signed by this system, and whether today's log still leads to it. */
@Schema(name = "AuditCheckpointVerification")
public record CheckpointVerification(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true",
                description = "The signature is valid for this system's signing key")
        boolean signatureValid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true",
                description = "Recomputing the chain from today's events reaches the same head at that position")
        boolean logMatches,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The recomputation up to the checkpoint's position")
        ChainVerification chain) {
}
