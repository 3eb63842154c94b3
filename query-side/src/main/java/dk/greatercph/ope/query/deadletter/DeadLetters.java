package dk.greatercph.ope.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the dead-letter queues of all projections and acts on them through Axon: a retry processes a sequence from
 * its first letter on, in order, and stops at the first letter that fails again; an eviction removes one letter for
 * good and records who did it and why.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final String COLUMNS = """
            SELECT deadLetterIdentifier, processingGroup, sequenceIdentifier, sequenceIndex, eventIdentifier,
                   payloadType, type, aggregateIdentifier, sequenceNumber, timestamp, enqueuedAt, lastTouched,
                   processingStarted, causeType, causeMessage
            FROM DeadLetterEntry
            """;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<ParkedDeliveries> parked;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                ObjectProvider<ParkedDeliveries> parked) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.parked = parked;
    }

    private Optional<ParkedDeliveries> parked(String name) {
        return parked.orderedStream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** How many letters each projection has parked; projections without any are absent. */
    public Map<String, Long> countsByProjection() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT processingGroup, count(*) AS letters FROM DeadLetterEntry GROUP BY processingGroup")
                .query((rs, n) -> counts.put(rs.getString("processingGroup"), rs.getLong("letters")))
                .list();
        return counts;
    }

    DeadLetterPage page(String projection, int limit, long offset) {
        Optional<ParkedDeliveries> deliveries = projection == null ? Optional.empty() : parked(projection);
        if (deliveries.isPresent()) {
            long total = deliveries.get().count();
            List<DeadLetterView> items = deliveries.get().page(limit, offset);
            return new DeadLetterPage(items, total, offset + items.size() < total ? offset + items.size() : null);
        }
        if (projection != null && processing.sequencedDeadLetterProcessor(projection).isEmpty()) {
            throw projectionNotFound(projection);
        }
        long total = jdbc.sql("SELECT count(*) FROM DeadLetterEntry WHERE (CAST(:group AS TEXT) IS NULL OR processingGroup = :group)")
                .param("group", projection).query(Long.class).single();
        List<DeadLetterView> items = jdbc.sql(COLUMNS + """
                        WHERE (CAST(:group AS TEXT) IS NULL OR processingGroup = :group)
                        ORDER BY enqueuedAt, processingGroup, sequenceIdentifier, sequenceIndex
                        LIMIT :limit OFFSET :offset
                        """)
                .param("group", projection).param("limit", limit).param("offset", offset)
                .query((rs, n) -> view(rs)).list();
        if (projection == null) {
            // the projections' letters first, then each kind of parked delivery, as one list
            long before = total;
            List<DeadLetterView> all = new java.util.ArrayList<>(items);
            for (ParkedDeliveries source : parked.orderedStream().toList()) {
                long count = source.count();
                long start = Math.max(0, offset - before);
                int room = limit - all.size();
                if (room > 0 && start < count) {
                    all.addAll(source.page(room, start));
                }
                before += count;
                total += count;
            }
            items = all;
        }
        Long next = offset + items.size() < total ? offset + items.size() : null;
        return new DeadLetterPage(items, total, next);
    }

    DeadLetterDetailView one(String id) {
        if (!plausible(id)) {
            throw notFound(id);
        }
        return jdbc.sql(COLUMNS.replace("FROM", ", payloadRevision, payload, metaData FROM")
                        + " WHERE deadLetterIdentifier = :id")
                .param("id", id)
                .query((rs, n) -> new DeadLetterDetailView(view(rs), rs.getString("payloadRevision"),
                        text(rs.getBytes("payload")), text(rs.getBytes("metaData"))))
                .optional()
                .or(() -> parked.orderedStream().map(p -> p.one(id)).flatMap(Optional::stream).findFirst())
                .orElseThrow(() -> notFound(id));
    }

    /** Retries the sequence the letter belongs to, from its first letter, in order. */
    RetryOutcome retry(String id) {
        Optional<DeadLetterView> found = find(id);
        if (found.isEmpty()) {
            return parked.orderedStream().map(p -> p.retry(id)).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> notFound(id));
        }
        DeadLetterView letter = found.get();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(letter.projection());
        boolean completed = retrySequence(processor, letter.projection(), letter.sequence());
        return new RetryOutcome(letter.projection(), letter.sequence(), 1, completed ? 1 : 0,
                remaining(letter.projection(), letter.sequence()));
    }

    /** Retries every parked sequence of one projection, each from its first letter. */
    RetryOutcome retryAll(String projection) {
        if (projection == null || projection.isBlank()) {
            throw DeadLetterProblem.PROJECTION_REQUIRED.problem("Say which projection to retry: ?projection=<name>.");
        }
        Optional<ParkedDeliveries> deliveries = parked(projection);
        if (deliveries.isPresent()) {
            return deliveries.get().retryAll();
        }
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        List<String> sequences = jdbc.sql("""
                        SELECT sequenceIdentifier FROM DeadLetterEntry WHERE processingGroup = :group
                        GROUP BY sequenceIdentifier ORDER BY min(enqueuedAt), sequenceIdentifier
                        """)
                .param("group", projection).query(String.class).list();
        int completed = 0;
        for (String sequence : sequences) {
            if (retrySequence(processor, projection, sequence)) {
                completed++;
            }
        }
        return new RetryOutcome(projection, null, sequences.size(), completed, remaining(projection, null));
    }

    /** Removes one letter for good; the reason and the administrator are logged and kept. */
    void evict(String id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw DeadLetterProblem.REASON_REQUIRED.problem("reason", "Field 'reason': say why this dead letter is evicted.");
        }
        if (reason.length() > 1000 || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw DeadLetterProblem.INVALID_REASON.problem("reason",
                    "Field 'reason': at most 1000 characters, no control characters.");
        }
        Optional<DeadLetterView> found = find(id);
        if (found.isEmpty()) {
            if (parked.orderedStream().anyMatch(p -> p.evict(id, reason.strip(), actor))) {
                return;
            }
            throw notFound(id);
        }
        DeadLetterView letter = found.get();
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.projection())
                .orElseThrow(() -> projectionNotFound(letter.projection()));
        transactions.executeWithoutResult(status -> {
            DeadLetter<? extends EventMessage<?>> stored = null;
            for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.sequence())) {
                if (candidate instanceof JdbcDeadLetter<?> jdbcLetter && jdbcLetter.getIdentifier().equals(id)) {
                    stored = candidate;
                }
            }
            if (stored == null) {
                throw notFound(id);
            }
            queue.evict(stored);
            jdbc.sql("""
                            INSERT INTO dead_letter_eviction (dead_letter_id, projection, sequence_identifier,
                                sequence_index, event_identifier, payload_type, cause_type, cause_message, reason,
                                evicted_by, evicted_at)
                            VALUES (:id, :projection, :sequence, :index, :event, :payloadType, :causeType,
                                :causeMessage, :reason, :actor, now())
                            """)
                    .param("id", id).param("projection", letter.projection()).param("sequence", letter.sequence())
                    .param("index", letter.sequenceIndex()).param("event", letter.eventId())
                    .param("payloadType", letter.eventType())
                    .param("causeType", letter.cause() == null ? null : letter.cause().type())
                    .param("causeMessage", letter.cause() == null ? null : letter.cause().message())
                    .param("reason", reason.strip()).param("actor", actor).update();
        });
        log.warn("Dead letter {} of projection {} (event {} {}, aggregate {}) evicted by {}: {}", id,
                letter.projection(), letter.eventType(), letter.eventId(), letter.sequence(), actor, reason.strip());
    }

    private boolean retrySequence(SequencedDeadLetterProcessor<EventMessage<?>> processor, String projection,
                                  String sequence) {
        SavepointPerEvent.always(() -> processor.process(letter -> letter instanceof JdbcDeadLetter<?> jdbcLetter
                && sequence.equals(jdbcLetter.getSequenceIdentifier())));
        long left = remaining(projection, sequence);
        if (left == 0) {
            log.info("Retried the dead letters of {} in projection {}: all applied", sequence, projection);
        } else {
            log.warn("Retried the dead letters of {} in projection {}: {} still parked", sequence, projection, left);
        }
        return left == 0;
    }

    private long remaining(String projection, String sequence) {
        return jdbc.sql("""
                        SELECT count(*) FROM DeadLetterEntry
                        WHERE processingGroup = :group AND (CAST(:sequence AS TEXT) IS NULL OR sequenceIdentifier = :sequence)
                        """)
                .param("group", projection).param("sequence", sequence).query(Long.class).single();
    }

    private Optional<DeadLetterView> find(String id) {
        if (!plausible(id)) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE deadLetterIdentifier = :id").param("id", id)
                .query((rs, n) -> view(rs)).optional();
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection).orElseThrow(() -> projectionNotFound(projection));
    }

    /** Identifiers are UUIDs Axon generated; anything with control characters cannot be one (nor be queried). */
    private static boolean plausible(String id) {
        return id != null && id.length() <= 255 && id.chars().noneMatch(Character::isISOControl);
    }

    private static RuntimeException notFound(String id) {
        return DeadLetterProblem.DEAD_LETTER_NOT_FOUND.problem("There is no dead letter with id '" + id + "'.");
    }

    private static RuntimeException projectionNotFound(String projection) {
        return DeadLetterProblem.PROJECTION_NOT_FOUND.problem(
                "There is no projection with a dead-letter queue named '" + projection + "'.");
    }

    private static DeadLetterView view(ResultSet rs) throws SQLException {
        long aggregateVersion = rs.getLong("sequenceNumber");
        Long version = rs.wasNull() ? null : aggregateVersion;
        String causeType = rs.getString("causeType");
        return new DeadLetterView(rs.getString("deadLetterIdentifier"), rs.getString("processingGroup"),
                rs.getString("sequenceIdentifier"), rs.getLong("sequenceIndex"), rs.getString("eventIdentifier"),
                rs.getString("payloadType"), rs.getString("type"), rs.getString("aggregateIdentifier"), version,
                instant(rs.getString("timestamp")), instant(rs.getString("enqueuedAt")),
                instant(rs.getString("lastTouched")), rs.getString("processingStarted") != null,
                causeType == null ? null : new DeadLetterView.Cause(causeType, rs.getString("causeMessage")));
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
