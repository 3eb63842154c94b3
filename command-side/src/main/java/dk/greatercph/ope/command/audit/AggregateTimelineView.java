package dk.greatercph.ope.command.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** One aggregate's whole history, in order of version. */
@Schema(name = "AggregateTimeline")
public record AggregateTimelineView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Delegation") String aggregateType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
        String aggregateId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Entry> events) {

    /** One event in an aggregate's history. */
    @Schema(name = "AggregateTimelineEntry")
    public record Entry(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                    description = "The aggregate's version after this event")
            long version,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9b2f6c1e-0c1d-4a8e-9a53-3f7f1b0f2d11")
            String eventId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DelegationRegisteredEvent")
            String eventType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "dk.greatercph.ope.events.delegation.DelegationRegisteredEvent")
            String payloadType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant timestamp,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event's payload")
            JsonNode payload,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Who, why and in answer to what: actor, role, correlation and causation ids")
            JsonNode metaData) {
    }
}
