package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemCode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * How far the event store and each projection have come, as global event positions. A projection's position is the
 * lowest over its segments: as this process's segments report it, and, for segments another instance holds (or
 * nobody holds right now), as their stored tokens say. And read-your-writes: {@link #readAtLeast}.
 */
@Component
public class ProjectionProgress {

    /** How long a read-your-writes request waits for the projection at most. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgress.class);
    private static final long POLL_MILLIS = 50;

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer tokenSerializer;
    private final EventProcessingConfiguration processing;

    ProjectionProgress(EventStore eventStore, JdbcClient jdbc, org.axonframework.config.Configuration axon,
                       EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.tokenSerializer = axon.serializer();
        this.processing = processing;
    }

    /**
     * Read-your-writes: reads a view until it shows at least {@code minVersion}, or until it is found at all, at most
     * {@link #MAX_WAIT}. A view just written (a delegation just registered, or just offered to the calling operator)
     * then appears; one the caller may not see, or that does not exist, answers empty after the whole wait, the same
     * for both, so the time taken tells nothing.
     *
     * <p>Not found after the wait while {@code projection} has not yet handled every event recorded before the
     * request (it is being rebuilt, or far behind) is refused as {@code behind} (409, retry): the view cannot yet
     * tell whether the thing exists, and a delegation the API had just acknowledged was answered 404 while its board
     * was being replayed. Whether that is so depends on the projection alone, not on the id, so it tells a caller
     * nothing about what it may not see.
     *
     * @return the view as last read: empty when not found, else possibly still short of {@code minVersion}
     */
    public <T> Optional<T> readAtLeast(String projection, long minVersion, Supplier<Optional<T>> read,
                                       ToLongFunction<T> version, ProblemCode behind) {
        OptionalLong head = head();
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        Optional<T> view = read.get();
        while (view.map(v -> version.applyAsLong(v) < minVersion).orElse(true) && System.nanoTime() < deadline) {
            pause();
            view = read.get();
        }
        if (view.isEmpty() && head.isPresent() && behind(projection, head.getAsLong())) {
            throw new DomainProblem(behind, "The view has not yet handled every event recorded before this request "
                    + "(it may be being rebuilt); retry shortly.");
        }
        return view;
    }

    /**
     * What {@code read} finds now, without waiting. Not found while {@code projection} is being rebuilt (replaying,
     * or stopped while a replay runs beside it) is refused as {@code behind} (409, retry): a delegation acknowledged
     * long before was answered 404 to a plain read during a replay of the board, where a read with
     * {@code ?minVersion} answered 200. A projection merely a few events behind answers as it stands, as always.
     */
    public <T> Optional<T> current(String projection, Supplier<Optional<T>> read, ProblemCode behind) {
        Optional<T> view = read.get();
        if (view.isEmpty() && rebuilding(projection)) {
            throw new DomainProblem(behind, "The view is being rebuilt and cannot yet tell whether this exists; "
                    + "retry shortly.");
        }
        return view;
    }

    /**
     * A list read from {@code projection}'s view, refused as {@code behind} (409, retry) while the view is being
     * rebuilt: the board answered 200 with no delegations, and the inboxes with every count 0, for seconds after a
     * restart that found a replay unfinished (and for a moment in any replay), where a single read answered 409. A
     * processor merely stopped (no replay) leaves its lists as they stood, complete, and they are answered. Found not
     * rebuilding, the stored tokens are asked again only after {@link #LIST_CHECK_MILLIS} ms, so a busy list pays no
     * statement for it.
     */
    public void requireNotRebuilding(String projection, ProblemCode behind) {
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null) {
            return;
        }
        // a replay this process runs, from the reset that clears the view until it has caught up, whether the
        // processor replays or a parallel run does while the processor stays stopped (the board's): its pages
        // answered 200 with no delegations then
        boolean rebuilding = replaysUnderway.contains(projection) || processor.isRunning() && processor.isReplaying();
        if (!rebuilding) {
            long now = System.nanoTime();
            ListCheck last = listChecks.get(projection);
            // a "not rebuilding" is kept a moment; a "rebuilding" is asked again, so the lists come back at once
            if (last != null && !last.rebuilding() && now - last.at() < LIST_CHECK_MILLIS * 1_000_000L) {
                rebuilding = false;
            } else {
                rebuilding = unfinishedElsewhere(projection, processor);
                listChecks.put(projection, new ListCheck(now, rebuilding));
            }
        }
        if (rebuilding) {
            throw new DomainProblem(behind, "The view is being rebuilt; its lists are incomplete until it has caught "
                    + "up. Retry shortly.");
        }
    }

    /** The projections this process is replaying: from before their reset until they have caught up. */
    private final Set<String> replaysUnderway = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void replayBegins(String projection) {
        replaysUnderway.add(projection);
    }

    void replayEnds(String projection) {
        replaysUnderway.remove(projection);
    }

    private static final long LIST_CHECK_MILLIS = 250;
    private final Map<String, ListCheck> listChecks = new java.util.concurrent.ConcurrentHashMap<>();

    private record ListCheck(long at, boolean rebuilding) {
    }


    /**
     * Whether this process's processor of {@code projection} is replaying, or stopped (a replay runs beside it).
     * Replaying as Axon counts it: a segment that replays and has not caught up. A segment's token stays a replay
     * token after its last replayed event until a newer event comes, so asking the token alone kept an unknown id
     * 409 after the replay had finished, for as long as nothing new was recorded.
     */
    boolean rebuilding(String projection) {
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null) {
            return false;
        }
        if (!processor.isRunning() || processor.isReplaying()) {
            return true;
        }
        return unfinishedElsewhere(projection, processor);
    }

    /**
     * A replay that a crash interrupted goes on once the dead process's claim on its segments expires (seconds after
     * a restart), and a replay outside the processor keeps it stopped; until this process holds the segments, only
     * their stored tokens tell, and its views, cleared by the replay, answered 404 for delegations acknowledged long
     * before.
     */
    private boolean unfinishedElsewhere(String projection, StreamingEventProcessor processor) {
        Set<Integer> held = processor.processingStatus().keySet();
        return storedTokens(projection).entrySet().stream()
                .anyMatch(stored -> !held.contains(stored.getKey()) && unfinishedReplay(stored.getValue()));
    }

    /** A replay token short of the position its reset was made at. */
    private static boolean unfinishedReplay(TrackingToken token) {
        if (!(token instanceof ReplayToken replay) || replay.getTokenAtReset() == null) {
            return false;
        }
        long reset = replay.getTokenAtReset().position().orElse(-1);
        return replay.position().orElse(-1) < reset;
    }

    /**
     * What {@code read} finds of a thing without versions of its own (a venue, a member, a recipient): with
     * {@code minVersion} (any), once {@code projection} has handled every event recorded before the request (waiting
     * at most {@link #MAX_WAIT}), so that a thing created a moment ago appears and one removed a moment ago is gone.
     * It waited only for the thing to appear: a member removed a moment before was read back in half the tries. Not
     * found while the projection is still behind after the wait is {@code behind} (409, retry).
     */
    public <T> Optional<T> appearing(String projection, Long minVersion, Supplier<Optional<T>> read,
                                     ProblemCode behind) {
        if (minVersion == null) {
            return current(projection, read, behind);
        }
        boolean caughtUp = awaitCaughtUp(projection, MAX_WAIT);
        Optional<T> view = read.get();
        if (view.isEmpty() && !caughtUp) {
            throw new DomainProblem(behind, "The view has not yet handled every event recorded before this request "
                    + "(it may be being rebuilt); retry shortly.");
        }
        return view;
    }

    /** Whether {@code projection} has not yet handled every event up to the position {@code head}. */
    boolean behind(String projection, long head) {
        Map<Integer, EventTrackerStatus> held = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        Long position = position(projection, held);
        return position == null || position < head;
    }

    /**
     * Waits, at most {@code max}, until {@code projection} has handled every event recorded before the call (as its
     * segments here report it, and the stored tokens of those not held here); whether it has. A stream that begins
     * with the view's content reads it then: right after a restart the processors hold no segment yet, and an inbox
     * read at once was stale.
     */
    public boolean awaitCaughtUp(String projection, Duration max) {
        OptionalLong head = head();
        if (head.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (behind(projection, head.getAsLong())) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    /**
     * Waits, at most {@link #MAX_WAIT}, until the aggregate {@code id} has recorded version {@code minVersion};
     * whether it has. For views of a thing without versions of its own (a delegation's members) read with the ETag
     * of the command that changed it: {@code ?minVersion=99} on a delegation at version 12 was answered as if reached.
     */
    public boolean awaitRecorded(String id, long minVersion) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (eventStore.lastSequenceNumberFor(id).orElse(-1L) < minVersion) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** The position of the newest recorded event; empty while the event store is empty. */
    public OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /** The lowest position over the projection's segments; absent before it has handled its first event. */
    Long position(String name, Map<Integer, EventTrackerStatus> held) {
        Map<Integer, Long> positions = new HashMap<>(storedPositions(name));
        held.forEach((segment, status) -> positions.put(segment, status.getCurrentPosition().orElse(-1)));
        if (positions.isEmpty()) {
            return null;
        }
        long lowest = positions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        return lowest < 0 ? null : lowest;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<Integer, Long> storedPositions(String name) {
        Map<Integer, Long> positions = new HashMap<>();
        storedTokens(name).forEach((segment, token) -> positions.put(segment,
                token == null ? -1 : token.position().orElse(-1)));
        return positions;
    }

    /** Segment → its stored token (null where none is stored, or it cannot be read). */
    private Map<Integer, TrackingToken> storedTokens(String name) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.sql("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = :name")
                .param("name", name)
                .query((rs, n) -> tokens.put(rs.getInt("segment"),
                        storedToken(name, rs.getBytes("token"), rs.getString("tokenType"))))
                .list();
        return tokens;
    }

    private TrackingToken storedToken(String name, byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        try {
            return tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        } catch (RuntimeException e) {
            log.warn("Could not read the stored token of {}", name, e);
            return null;
        }
    }
}
