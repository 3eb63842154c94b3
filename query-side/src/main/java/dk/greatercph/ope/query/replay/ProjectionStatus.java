package dk.greatercph.ope.query.replay;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A projection's streaming processor: where it is in the event log, and how its last replay went. */
@Schema(name = "ProjectionStatus")
public record ProjectionStatus(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "delegation-board",
                description = "The processing group's name")
        String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean running,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "false",
                description = "Whether any segment is still replaying history, or a replay started here has not yet "
                        + "caught up")
        boolean replaying,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "false",
                description = "Whether any segment has stopped on an error")
        boolean error,
        @Schema(example = "1250", description = "The lowest position any segment has processed (from the stored "
                + "tokens for segments another instance holds); absent before the first event")
        Long position,
        @Schema(example = "1250", description = "The position of the newest event in the event store")
        Long head,
        @Schema(example = "0", description = "Head minus position")
        Long behindBy,
        @Schema(description = "The last replay started from this process, if any")
        Replay lastReplay,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "Events parked in the projection's dead-letter queue: its view is missing them")
        long deadLetters,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true", description = """
                Whether it can be replayed: a processor none of whose handlers allows a reset (the inbox's live push, \
                which keeps no view) answers a replay 409 REPLAY_NOT_SUPPORTED""")
        boolean replayable) {

    /** One replay: when it started and ended, how far it had to go, and how fast it went. */
    @Schema(name = "ProjectionReplay")
    public record Replay(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant startedAt,
            @Schema(format = "date-time", description = "Absent while the replay runs") Instant finishedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250",
                    description = "The head of the event store when the replay started: history up to here is replayed")
            long replayUpTo,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250",
                    description = "How many events that history holds")
            long eventsToReplay,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.5", minimum = "0", maximum = "1",
                    description = "Share of that history processed so far")
            double progress,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "4200.0",
                    description = "Events replayed per second, from the start until now or until it finished")
            double eventsPerSecond,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PARALLEL",
                    description = "PARALLEL: outside the projection's processor, by several workers, each for its "
                            + "share of the delegations (projections whose writes depend on their own delegation "
                            + "only); PROCESSOR: by its processor, batch after batch (the others, and a parallel "
                            + "replay that failed, which is then done this way from the start)")
            ReplayMethod method) {
    }
}
