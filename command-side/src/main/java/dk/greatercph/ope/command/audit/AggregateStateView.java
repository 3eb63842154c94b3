package dk.greatercph.ope.command.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** An aggregate's state as of a moment or version, folded from its events by its own handlers. */
@Schema(name = "AggregateState")
public record AggregateStateView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Delegation") String aggregateType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
        String aggregateId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "The version (sequence number) of the last event folded in")
        long version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                description = "When that last event was recorded")
        Instant asOf,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "false",
                description = "Whether the aggregate had been marked deleted by then")
        boolean deleted,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The aggregate's fields as its event sourcing handlers had set them",
                example = "{\"delegationId\":{\"value\":\"DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21\"},"
                        + "\"status\":\"REQUESTED\"}")
        JsonNode state) {
}
