package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.processing.BackgroundThreads;
import dk.greatercph.ope.platform.processing.ProcessingProperties;
import dk.greatercph.ope.query.deadletter.DeadLetters;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Replays projections: shuts a streaming processor down, resets its tokens to the start of the event store (its
 * reset handler clears its tables) and starts it again, then watches it until every segment has caught up with the
 * head it had to reach. Handlers marked {@code @DisallowReplay} are skipped by Axon while the tokens say "replaying".
 * <p>
 * A projection marked {@link ParallelReplay} is replayed up to that head by a {@link ParallelReplayRun} instead,
 * while its processor stays stopped; its tokens are then set to that head and the processor started from there. If
 * that run fails, the tokens are reset again and the processor replays the projection, parking what fails.
 * <p>
 * It also reports each projection's status, and starts again a processor that an {@link Error} paused
 * ({@link #restartPausedByError()}).
 * <p>
 * No projection reads another's tables as it handles events: the notifier, which read the recipients and webhooks
 * of the settings' view and was held while that was replayed, keeps its own (docs/notifications.md).
 */
@Component
class ProjectionReplays implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    private static final long WATCH_INTERVAL_MILLIS = 50;
    /** How often a reset refused by a deadlock with readers is tried, and the pause before the next try (grows). */
    private static final int RESET_ATTEMPTS = 4;
    private static final long RESET_PAUSE_MILLIS = 100;


    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final JdbcClient jdbc;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final ParallelReplays parallel;
    private final int nice;
    private final Duration restartAfterError;
    private volatile boolean closing;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay-watcher");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionReplays(EventProcessingConfiguration processing, ProjectionProgress progress, JdbcClient jdbc,
                      DeadLetters deadLetters, Clock clock, ParallelReplays parallel, ProcessingProperties threads,
                      @Value("${ope.projections.restart-after-error:PT30S}") Duration restartAfterError) {
        this.processing = processing;
        this.progress = progress;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.parallel = parallel;
        this.nice = threads.nice();
        if (restartAfterError.isNegative()) {
            throw new IllegalArgumentException("ope.projections.restart-after-error is 0 (never) or more");
        }
        this.restartAfterError = restartAfterError;
    }

    /**
     * Looks for processors an error paused once the application is ready, not before: asking Axon for its processors
     * while the context starts would build them before every interceptor is registered with them (seen: the
     * projections' log lines lost their correlation id).
     */
    @EventListener(ApplicationReadyEvent.class)
    void watchForProcessorsPausedByAnError() {
        if (!restartAfterError.isZero()) {
            watcher.scheduleWithFixedDelay(this::restartPausedByError, restartAfterError.toMillis(),
                    restartAfterError.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts again every processor that an {@link Error} paused. Axon retries a failing batch by itself, but an
     * {@code Error} thrown outside the handlers (an exhausted heap while it reads or commits a batch) ends the
     * processor's loop for good; checked every {@code ope.projections.restart-after-error}, so that a passing fault
     * does not leave a projection behind until somebody restarts the application. A processor being replayed, or one
     * shut down on purpose, is not in error and is left alone.
     */
    private void restartPausedByError() {
        if (closing) {
            return;
        }
        try {
            for (StreamingEventProcessor processor : streamingProcessors()) {
                Run run = runs.get(processor.getName());
                if (processor.isError() && !processor.isRunning() && (run == null || run.finishedAt != null)) {
                    log.warn("Projection {} was paused by an error; starting it again", processor.getName());
                    processor.start();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not start again the projections an error paused", e);
        }
    }

    List<ProjectionStatus> all() {
        Long head = head();
        Map<String, Long> letters = deadLetters.countsByProjection();
        return streamingProcessors().stream()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head, letters))
                .toList();
    }

    ProjectionStatus one(String name) {
        return status(processor(name), head(), deadLetters.countsByProjection());
    }

    ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new DomainProblem(ReplayProblem.REPLAY_NOT_SUPPORTED,
                    "Projection '" + name + "' cannot be replayed: none of its handlers allows a reset.");
        }
        Run previous = runs.get(name);
        if (previous != null && previous.finishedAt == null) {
            throw new DomainProblem(ReplayProblem.REPLAY_IN_PROGRESS,
                    "Projection '" + name + "' is already being replayed.");
        }
        progress.replayBegins(name);
        processor.shutDown();
        Long target = head();
        long events = target == null ? 0 : jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE globalIndex <= :to")
                .param("to", target).query(Long.class).single();
        try {
            resetTokens(processor);
        } catch (UnableToClaimTokenException e) {
            processor.start();
            progress.replayEnds(name);
            throw new DomainProblem(ReplayProblem.PROJECTION_CLAIMED_ELSEWHERE,
                    "Projection '" + name + "' is claimed by another instance: stop it there first. Right after a "
                            + "restart the claim may still be this node's from before it stopped; it lapses within "
                            + "seconds, so retry shortly.");
        } catch (RuntimeException e) {
            // the reset is one transaction with the views' clearing: refused, nothing was reset, and the processor
            // goes on where it stood. It was left shut down, its view frozen while the health said UP.
            processor.start();
            progress.replayEnds(name);
            throw e;
        }
        Run run = new Run(clock.instant(), System.nanoTime(), target == null ? -1 : target, events,
                parallelRun(name, target == null ? -1 : target));
        runs.put(name, run);
        if (run.parallel == null) {
            processor.start();
        } else {
            BackgroundThreads.daemon("replay-" + name, nice, () -> replayInParallel(processor, run)).start();
        }
        run.watch = watcher.scheduleWithFixedDelay(() -> watch(processor, run), WATCH_INTERVAL_MILLIS,
                WATCH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return status(processor, target, deadLetters.countsByProjection());
    }

    /**
     * Resets {@code processor}'s tokens, clearing its views. Clearing takes each table's exclusive lock in turn,
     * while a reader's join holds its tables' shared locks: PostgreSQL then breaks the deadlock by refusing one side,
     * which was the reset as often as a reader. Tried again a few times on such a refusal before the replay is
     * refused.
     */
    private static void resetTokens(StreamingEventProcessor processor) {
        for (int attempt = 1; ; attempt++) {
            try {
                processor.resetTokens();
                return;
            } catch (RuntimeException e) {
                if (attempt >= RESET_ATTEMPTS || !lockConflict(e)) {
                    throw e;
                }
                log.info("The reset of {} met readers' locks (attempt {}); trying again", processor.getName(), attempt);
                try {
                    Thread.sleep(RESET_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Whether {@code failure} was a deadlock or a lock not granted, anywhere in its causes. */
    private static boolean lockConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("55P03"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The parallel run of {@code name}, or null for its processor: also when the run cannot be set up. */
    private ParallelReplayRun parallelRun(String name, long target) {
        try {
            return parallel.of(name, target).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not set up a parallel replay of {}; its processor replays it", name, e);
            return null;
        }
    }

    /** Replays outside the processor, then starts it where the run ended; on failure the processor replays. */
    private void replayInParallel(StreamingEventProcessor processor, Run run) {
        String name = processor.getName();
        try {
            parallel.finish(name, run.parallel.run());
            log.info("Replayed {} in parallel up to position {}: {} events", name, run.target, run.events);
        } catch (Exception | Error e) {
            if (closing) {
                return;
            }
            log.warn("The parallel replay of {} failed; its processor replays it from the start instead", name, e);
            run.method = ReplayMethod.PROCESSOR;
            try {
                processor.resetTokens();
            } catch (RuntimeException reset) {
                log.error("Could not reset the tokens of {} after its parallel replay failed", name, reset);
            }
        }
        if (!closing) {
            processor.start();
        }
    }

    private void watch(StreamingEventProcessor processor, Run run) {
        try {
            if (run.finishedAt == null && caughtUp(processor, run.target)) {
                run.finish();
                progress.replayEnds(processor.getName());
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the replay progress of {}", processor.getName(), e);
        }
    }

    /** Done, as Axon counts it: no segment still replaying short of the head, and all past the target. */
    private static boolean caughtUp(StreamingEventProcessor processor, long target) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (!processor.isRunning() || segments.isEmpty()) {
            return false;
        }
        return segments.stream().noneMatch(segment -> segment.isReplaying() && !segment.isCaughtUp())
                && (target < 0 || segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= target));
    }

    private ProjectionStatus status(StreamingEventProcessor processor, Long head, Map<String, Long> letters) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        Long position = progress.position(processor.getName(), held);
        Long behindBy = head == null ? null : head - (position == null ? 0 : position);
        Run run = runs.get(processor.getName());
        boolean replaying = processor.isReplaying() || (run != null && run.finishedAt == null);
        // a processor whose loop an Error ended is paused in an error state and holds no segments any more
        boolean error = processor.isError() || held.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), replaying, error, position, head,
                behindBy, run == null ? null : run.view(position), letters.getOrDefault(processor.getName(), 0L),
                processor.supportsReset());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name)
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .orElseThrow(() -> new DomainProblem(ReplayProblem.PROJECTION_NOT_FOUND,
                        "There is no projection named '" + name + "'."));
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private Long head() {
        OptionalLong head = progress.head();
        return head.isPresent() ? head.getAsLong() : null;
    }

    @Override
    public void destroy() {
        closing = true;
        runs.values().forEach(run -> {
            if (run.parallel != null) {
                run.parallel.stop();
            }
        });
        watcher.shutdownNow();
    }

    private static final class Run {
        final Instant startedAt;
        final long startedNanos;
        final long target;
        final long events;
        final ParallelReplayRun parallel;
        volatile ReplayMethod method;
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile ScheduledFuture<?> watch;

        Run(Instant startedAt, long startedNanos, long target, long events, ParallelReplayRun parallel) {
            this.startedAt = startedAt;
            this.startedNanos = startedNanos;
            this.target = target;
            this.events = events;
            this.parallel = parallel;
            this.method = parallel == null ? ReplayMethod.PROCESSOR : ReplayMethod.PARALLEL;
        }

        void finish() {
            finishedNanos = System.nanoTime();
            finishedAt = startedAt.plus(Duration.ofNanos(finishedNanos - startedNanos));
            ScheduledFuture<?> future = watch;
            if (future != null) {
                future.cancel(false);
            }
        }

        ProjectionStatus.Replay view(Long position) {
            boolean done = finishedAt != null;
            double progress = done || target <= 0 ? 1.0
                    : method == ReplayMethod.PARALLEL ? Math.min(1.0, parallel.done() / (double) Math.max(1, events))
                    : Math.min(1.0, Math.max(0, position == null ? 0 : position) / (double) target);
            long elapsed = (done ? finishedNanos : System.nanoTime()) - startedNanos;
            double seconds = Math.max(elapsed, 1) / 1e9;
            return new ProjectionStatus.Replay(startedAt, finishedAt, target, events, progress,
                    events * progress / seconds, method);
        }
    }
}
