package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.time.OpeTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What administrators see and do with the outbox: list and read notifications, and retry the ones that gave up. */
@Component
class OutboxAdministration {

    static final Set<String> STATUSES = Set.of("PENDING", "SENT", "HELD", "FAILED", "EVICTED", "DROPPED");
    private static final String COLUMNS = """
            SELECT id, kind, owner, delegation_id, channel, target, address, language, subject, status, attempts,
                   created_at, next_attempt_at, sent_at, last_error, event_id
            FROM notification_outbox
            """;

    private static final Set<String> CHANNELS = Set.of("EMAIL", "WEBHOOK");

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxAdministration(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OutboxView.Page page(String status, String owner, String delegation, String channel, int limit, long offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw DomainProblem.invalid(NotificationQueryProblem.INVALID_NOTIFICATION_STATUS, "status",
                    "Parameter 'status' is one of " + String.join(", ", STATUSES.stream().sorted().toList()) + ".");
        }
        // channel=SMS answered an empty page, as if there were simply none
        if (channel != null && !CHANNELS.contains(channel)) {
            throw DomainProblem.invalid(InputProblem.INVALID_PARAMETER, "channel",
                    "Parameter 'channel' is one of EMAIL, WEBHOOK.");
        }
        String where = """
                WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
                  AND (CAST(:owner AS TEXT) IS NULL OR owner = :owner)
                  AND (CAST(:delegation AS TEXT) IS NULL OR delegation_id = :delegation)
                  AND (CAST(:channel AS TEXT) IS NULL OR channel = :channel)
                """;
        long total = jdbc.sql("SELECT count(*) FROM notification_outbox " + where)
                .param("status", status).param("owner", owner).param("delegation", delegation)
                .param("channel", channel).query(Long.class).single();
        List<OutboxView> items = jdbc.sql(COLUMNS + where + " ORDER BY created_at DESC, queued DESC LIMIT :limit OFFSET :offset")
                .param("status", status).param("owner", owner).param("delegation", delegation)
                .param("channel", channel).param("limit", limit).param("offset", offset)
                .query((rs, n) -> view(rs)).list();
        Long next = offset + items.size() < total ? offset + items.size() : null;
        return new OutboxView.Page(items, total, next);
    }

    OutboxView.Detail one(String id) {
        OutboxView view = find(id).orElseThrow(() -> notFound(id));
        return jdbc.sql("SELECT body_text, payload FROM notification_outbox WHERE id = :id").param("id", id)
                .query((rs, n) -> new OutboxView.Detail(view, rs.getString("body_text"), rs.getString("payload"),
                        jdbc.sql("SELECT file_name FROM notification_attachment WHERE outbox_id = :id ORDER BY position")
                                .param("id", id).query(String.class).list()))
                .single();
    }

    /** A FAILED (or HELD) notification is tried again from now, with a fresh retry window; same id. */
    OutboxView retry(String id) {
        OutboxView view = find(id).orElseThrow(() -> notFound(id));
        int updated = jdbc.sql("""
                        UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = :now, first_attempt_at = NULL,
                            claimed_until = NULL
                        WHERE id = :id AND status IN ('FAILED', 'HELD')
                        """)
                .param("id", id).param("now", OpeTime.utc(clock.instant())).update();
        if (updated == 0) {
            throw new DomainProblem(NotificationQueryProblem.NOTIFICATION_NOT_RETRYABLE,
                    "Notification " + id + " is " + view.status() + "; only FAILED or HELD ones are retried.");
        }
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<OutboxView> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query((rs, n) -> view(rs)).optional();
    }

    static RuntimeException notFound(String id) {
        return new DomainProblem(NotificationQueryProblem.NOTIFICATION_NOT_FOUND,
                "There is no notification with id '" + id + "'.");
    }

    static OutboxView view(ResultSet rs) throws SQLException {
        return new OutboxView(rs.getString("id"), rs.getString("kind"), rs.getString("owner"),
                rs.getString("delegation_id"), rs.getString("channel"), rs.getString("target"), rs.getString("address"),
                rs.getString("language"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "created_at"),
                "PENDING".equals(rs.getString("status")) ? instant(rs, "next_attempt_at") : null,
                instant(rs, "sent_at"), rs.getString("last_error"), rs.getString("event_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
