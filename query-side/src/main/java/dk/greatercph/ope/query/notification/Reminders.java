package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.time.OpeTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Queues the reminder for every offer still unanswered one working day before its deadline. Keyed by assignment and
 * deadline, so a reminder is queued once however often this runs, on however many processes, and after a replay.
 */
@Component
class Reminders {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    Reminders(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    void queueDue(Instant now) {
        List<Due> due = jdbc.sql("""
                        SELECT a.delegation_id, a.operator_id, a.role, a.due_at, a.remind_at,
                               COALESCE(d.organisation, a.delegation_id) AS organisation
                        FROM notification_assignment a LEFT JOIN notification_delegation d USING (delegation_id)
                        WHERE a.state = 'OFFERED' AND a.remind_at <= :now AND a.due_at > :now
                          AND NOT EXISTS (SELECT 1 FROM notification_reminder r WHERE r.delegation_id = a.delegation_id
                                          AND r.operator_id = a.operator_id AND r.due_at = a.due_at)
                        ORDER BY a.remind_at LIMIT 100
                        """)
                .param("now", OpeTime.utc(now))
                .query((rs, n) -> new Due(rs.getString("delegation_id"), rs.getString("operator_id"),
                        rs.getString("role"), rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("remind_at", OffsetDateTime.class).toInstant(), rs.getString("organisation")))
                .list();
        for (Due reminder : due) {
            transactions.executeWithoutResult(status -> {
                int claimed = jdbc.sql("""
                                INSERT INTO notification_reminder (delegation_id, operator_id, due_at)
                                VALUES (:delegation, :operator, :due) ON CONFLICT DO NOTHING
                                """)
                        .param("delegation", reminder.delegation()).param("operator", reminder.operator())
                        .param("due", OpeTime.utc(reminder.dueAt())).update();
                if (claimed == 1) {
                    String cause = "reminder:" + reminder.delegation() + ":" + reminder.operator() + ":"
                            + reminder.dueAt().toEpochMilli();
                    outbox.record(cause, Notice.about(Notice.Kind.DEADLINE_REMINDER, reminder.remindAt(),
                                    reminder.delegation(), reminder.organisation())
                            .assignment(reminder.operator(), reminder.role(), reminder.dueAt()),
                            List.of(reminder.operator()));
                }
            });
        }
    }

    private record Due(String delegation, String operator, String role, Instant dueAt, Instant remindAt,
                       String organisation) {
    }
}
