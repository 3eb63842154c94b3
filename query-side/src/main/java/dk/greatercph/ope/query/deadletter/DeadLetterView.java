package dk.greatercph.ope.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An event a projection could not apply, parked with its aggregate's later events until it is retried or evicted. */
@Schema(name = "DeadLetter")
public record DeadLetterView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0b6c1f2e-5d8a-4f0e-9a51-3c2d7e8f9a10")
        String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "delegation-board",
                description = "The projection (processing group) that could not apply the event")
        String projection,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21",
                description = "What the events are ordered by: the aggregate; all its later events wait behind this one")
        String sequence,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "The letter's place within its sequence")
        long sequenceIndex,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String eventId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                example = "dk.greatercph.ope.events.delegation.DelegationRegisteredEvent")
        String eventType,
        @Schema(example = "Delegation") String aggregateType,
        @Schema(example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21") String aggregateId,
        @Schema(example = "0", description = "The event's sequence number within its aggregate")
        Long aggregateVersion,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant eventTimestamp,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant enqueuedAt,
        @Schema(format = "date-time", description = "When it was last parked or retried") Instant lastTouched,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "false",
                description = "Whether a retry is processing it right now")
        boolean retrying,
        @Schema(description = "Why the projection could not apply it; absent for the later events of a parked "
                + "sequence, which were parked only to keep the order")
        Cause cause) {

    /** The failure that parked the event. */
    @Schema(name = "DeadLetterCause")
    public record Cause(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "org.springframework.dao.DataIntegrityViolationException")
            String type,
            @Schema(example = "ERROR: invalid byte sequence for encoding \"UTF8\": 0x00") String message) {
    }
}
