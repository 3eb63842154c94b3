package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.query.deadletter.DeadLetterDetailView;
import dk.greatercph.ope.query.deadletter.DeadLetterView;
import dk.greatercph.ope.query.deadletter.ParkedDeliveries;
import dk.greatercph.ope.query.deadletter.RetryOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries that gave up (outbox status FAILED) are the dead letters of {@code notification-webhooks}: the
 * dead-letter endpoints list and read them, a retry queues the delivery again with the same id and a fresh retry
 * window, an eviction gives it up for good (status EVICTED) and is recorded in {@code dead_letter_eviction}. The
 * sequence is the webhook; the letter's event is the one that caused the notification.
 */
@Component
class WebhookDeadLetters implements ParkedDeliveries {

    static final String NAME = "notification-webhooks";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeadLetters.class);
    private static final String COLUMNS = """
            SELECT id, target, event_id, kind, delegation_id, created_at, first_attempt_at, next_attempt_at,
                   last_error, payload, address
            FROM notification_outbox
            """;
    private static final String FAILED = " WHERE channel = 'WEBHOOK' AND status = 'FAILED'";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    WebhookDeadLetters(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox" + FAILED).query(Long.class).single();
    }

    @Override
    public List<DeadLetterView> page(int limit, long offset) {
        return jdbc.sql(COLUMNS + FAILED + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query((rs, n) -> view(rs)).list();
    }

    @Override
    public Optional<DeadLetterDetailView> one(String id) {
        return jdbc.sql(COLUMNS + FAILED + " AND id = :id").param("id", id)
                .query((rs, n) -> new DeadLetterDetailView(view(rs), null, rs.getString("payload"),
                        "{\"url\":\"" + rs.getString("address").replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"))
                .optional();
    }

    @Override
    public Optional<RetryOutcome> retry(String id) {
        Optional<String> webhook = jdbc.sql("SELECT target FROM notification_outbox" + FAILED + " AND id = :id")
                .param("id", id).query(String.class).optional();
        return webhook.map(target -> {
            requeue(id);
            log.info("Dead webhook delivery {} to {} queued again", id, target);
            return new RetryOutcome(NAME, target, 1, 1, count());
        });
    }

    @Override
    public RetryOutcome retryAll() {
        List<String> ids = jdbc.sql("SELECT id FROM notification_outbox" + FAILED + " ORDER BY created_at, id")
                .query(String.class).list();
        ids.forEach(this::requeue);
        return new RetryOutcome(NAME, null, ids.size(), ids.size(), count());
    }

    @Override
    public boolean evict(String id, String reason, String actor) {
        Optional<DeadLetterView> letter = jdbc.sql(COLUMNS + FAILED + " AND id = :id").param("id", id)
                .query((rs, n) -> view(rs)).optional();
        if (letter.isEmpty()) {
            return false;
        }
        DeadLetterView view = letter.get();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE notification_outbox SET status = 'EVICTED' WHERE id = :id AND status = 'FAILED'")
                    .param("id", id).update();
            jdbc.sql("""
                            INSERT INTO dead_letter_eviction (dead_letter_id, projection, sequence_identifier,
                                sequence_index, event_identifier, payload_type, cause_type, cause_message, reason,
                                evicted_by, evicted_at)
                            VALUES (:id, :projection, :sequence, 0, :event, :type, :causeType, :causeMessage, :reason,
                                :actor, now())
                            """)
                    .param("id", id).param("projection", NAME).param("sequence", view.sequence())
                    .param("event", view.eventId()).param("type", view.eventType())
                    .param("causeType", view.cause() == null ? null : view.cause().type())
                    .param("causeMessage", view.cause() == null ? null : view.cause().message())
                    .param("reason", reason).param("actor", actor).update();
        });
        log.warn("Dead webhook delivery {} to {} evicted by {}: {}", id, view.sequence(), actor, reason);
        return true;
    }

    private void requeue(String id) {
        jdbc.sql("""
                        UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = :now, first_attempt_at = NULL,
                            claimed_until = NULL
                        WHERE id = :id AND status = 'FAILED'
                        """)
                .param("id", id).param("now", OpeTime.utc(clock.instant())).update();
    }

    private static DeadLetterView view(ResultSet rs) throws SQLException {
        Instant created = instant(rs, "created_at");
        String error = rs.getString("last_error");
        return new DeadLetterView(rs.getString("id"), NAME, rs.getString("target"), 0, rs.getString("event_id"),
                "notification." + rs.getString("kind"), "Delegation", rs.getString("delegation_id"), null, created,
                instant(rs, "next_attempt_at"), instant(rs, "next_attempt_at"), false,
                new DeadLetterView.Cause("WebhookDeliveryFailed", error));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
