package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/** The outcome of recomputing the hash chain over the event log. */
@Schema(name = "ChainVerification")
public record ChainVerification(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true",
                description = "Whether every stored event matches its link")
        boolean ok,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250",
                description = "How many events matched before the check ended")
        long eventsChecked,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250",
                description = "The position of the last event that matched; -1 when none did")
        long position,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-f]{64}$",
                example = "3b7c0e4f9a1d2c6b8e5f0a3d7c9b1e2f4a6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e",
                description = "The link of that event (SHA-256, hex): the chain head up to there")
        String chainHead,
        @Schema(description = "The first event that does not match; absent when ok")
        Mismatch firstMismatch) {

    /** The first stored event that does not match its link. */
    @Schema(name = "ChainMismatch")
    public record Mismatch(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1251") long position,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9b2f6c1e-0c1d-4a8e-9a53-3f7f1b0f2d11")
            String eventId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EVENT_ALTERED")
            Problem problem) {
    }

    /** How a stored event can fail to match its link. */
    public enum Problem {
        /** The event's stored bytes are not what was linked when it was appended. */
        EVENT_ALTERED,
        /** The event has no link: it was written past the append path. */
        EVENT_NOT_LINKED,
        /** A link exists for a position whose event is gone. */
        EVENT_MISSING
    }
}
