package dk.greatercph.ope.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a retry did: how many sequences it tried and how many letters are still parked afterwards. */
@Schema(name = "DeadLetterRetry")
public record RetryOutcome(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "delegation-board") String projection,
        @Schema(example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21",
                description = "The sequence retried; absent when every sequence of the projection was")
        String sequence,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1",
                description = "Sequences retried from their first letter")
        int sequencesRetried,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1",
                description = "Sequences whose every letter was applied and removed")
        int sequencesCompleted,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "Letters still parked in what was retried (they failed again; see their cause)")
        long remaining) {
}
