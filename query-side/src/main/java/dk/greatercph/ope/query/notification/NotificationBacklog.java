package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.observability.OutboxBacklog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The notification outbox's backlog for the metrics ({@code ope.outbox.pending} and {@code ope.outbox.oldest.pending},
 * tag {@code outbox=notifications}): messages still PENDING, and how long the oldest of them has waited.
 */
@Component
class NotificationBacklog implements OutboxBacklog {

    private final JdbcTemplate jdbc;

    NotificationBacklog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public long pending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public Duration oldestPending() {
        Double seconds = jdbc.queryForObject("SELECT extract(epoch FROM now() - min(created_at)) "
                + "FROM notification_outbox WHERE status = 'PENDING'", Double.class);
        return seconds == null ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
    }
}
