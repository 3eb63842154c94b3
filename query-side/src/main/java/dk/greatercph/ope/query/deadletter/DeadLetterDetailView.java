package dk.greatercph.ope.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

/** One dead letter with the stored event itself, as the event store's serializer wrote it. */
@Schema(name = "DeadLetterDetail")
public record DeadLetterDetailView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DeadLetterView letter,
        @Schema(example = "1") String payloadRevision,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event's payload as stored (JSON text)")
        String payload,
        @Schema(description = "The event's metadata as stored (JSON text): actor, correlation and causation")
        String metaData) {
}
