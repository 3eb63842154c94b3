package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.webhook.WebhookSecrets;
import dk.greatercph.ope.platform.webhook.WebhookTargets;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.support.QueryDatabase;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on real PostgreSQL: what the notifier writes during a replay and when an event comes twice, an e-mail
 * held when no SMTP server is configured, and the back-off between attempts.
 */
class OutboxTest {

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final NotificationProperties properties = new NotificationProperties("ope@localhost",
            Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(24),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMinutes(2));
    private final Outbox outbox = new Outbox(jdbc, properties);
    private final Notifier notifier = new Notifier(jdbc, new ProjectionWrites(QueryDatabase.dataSource()), outbox);

    @Test
    void theNotifierWritesNothingDuringAReplayAndAnEventThatComesTwiceOnce() {
        String owner = "o-" + UUID.randomUUID().toString().substring(0, 8);
        recipient(owner, "team@" + owner + ".example", "da");
        recipient(owner, "crew@" + owner + ".example", "en");
        DelegationId delegation = DelegationId.newId();
        AssignmentOfferedEvent offered = new AssignmentOfferedEvent(delegation, new OperatorId(owner),
                AssignmentRole.LEAD, Instant.now().plus(3, ChronoUnit.DAYS));
        String eventId = UUID.randomUUID().toString();

        notifier.on(offered, Instant.now(), eventId, ReplayStatus.REPLAY);
        assertThat(rows(delegation)).isZero();
        assertThat(jdbc.sql("SELECT state FROM notification_assignment WHERE delegation_id = :id")
                .param("id", delegation.value()).query(String.class).single()).isEqualTo("OFFERED");

        notifier.on(offered, Instant.now(), eventId, ReplayStatus.REGULAR);
        notifier.on(offered, Instant.now(), eventId, ReplayStatus.REGULAR);
        assertThat(rows(delegation)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT language || ' ' || subject FROM notification_outbox WHERE delegation_id = :id ORDER BY language")
                .param("id", delegation.value()).query(String.class).list())
                .containsExactly("da Ny opgave: " + delegation + " (" + delegation + ")",
                        "en New assignment: " + delegation + " (" + delegation + ")");
    }

    @Test
    void aNoticeIsBuiltOnlyWhenOneOfItsOwnersHasATarget() {
        String silent = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String told = "t-" + UUID.randomUUID().toString().substring(0, 8);
        recipient(told, "team@" + told + ".example", "en");
        DelegationId delegation = DelegationId.newId();
        AtomicInteger built = new AtomicInteger();
        Supplier<Notice> notice = () -> {
            built.incrementAndGet();
            return Notice.about(Notice.Kind.PROGRAMME_CONFIRMED, Instant.now(), delegation.value(), "Org");
        };

        assertThat(outbox.record("e-" + UUID.randomUUID(), notice, () -> List.of(silent))).isZero();
        assertThat(built).hasValue(0);
        assertThat(outbox.record("e-" + UUID.randomUUID(), notice, () -> List.of(told, silent, told))).isEqualTo(1);
        assertThat(built).hasValue(1);
        assertThat(rows(delegation)).isEqualTo(1);
    }

    @Test
    void withNobodyToTellTheOwnersAreNotEvenAskedFor() {
        AtomicInteger asked = new AtomicInteger();
        new TransactionTemplate(new DataSourceTransactionManager(QueryDatabase.dataSource())).executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM notifier_recipient").update();
            jdbc.sql("DELETE FROM notifier_webhook").update();
            assertThat(outbox.record("e-" + UUID.randomUUID(), () -> {
                throw new AssertionError("a notice nobody receives was built");
            }, () -> {
                asked.incrementAndGet();
                return List.of(Outbox.DESK);
            })).isZero();
            tx.setRollbackOnly();
        });
        assertThat(asked).hasValue(0);
    }

    @Test
    void withoutAnSmtpServerAnEmailIsHeldInTheOutbox() throws InterruptedException {
        String owner = "h-" + UUID.randomUUID().toString().substring(0, 8);
        recipient(owner, "held@" + owner + ".example", "en");
        DelegationId delegation = DelegationId.newId();
        notifier.on(new AssignmentOfferedEvent(delegation, new OperatorId(owner), AssignmentRole.SUPPORTING,
                Instant.now().plus(3, ChronoUnit.DAYS)), Instant.now(), UUID.randomUUID().toString(), ReplayStatus.REGULAR);
        OutboxSender sender = new OutboxSender(jdbc, properties, Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                WebhookTargets.withSystemResolver(true, false, Set.of()), new WebhookSecrets(jdbc),
                new Reminders(jdbc, outbox, new DataSourceTransactionManager(QueryDatabase.dataSource())));
        sender.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!status(delegation).equals("HELD") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            sender.stop();
        }
        assertThat(status(delegation)).isEqualTo("HELD");
    }

    @Test
    void retriesBackOffExponentiallyWithJitterUpToTheCap() {
        OutboxSender sender = new OutboxSender(jdbc, properties, Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                WebhookTargets.withSystemResolver(true, false, Set.of()), new WebhookSecrets(jdbc),
                new Reminders(jdbc, outbox, new DataSourceTransactionManager(QueryDatabase.dataSource())));
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(Duration.ofMinutes(10).toMillis(), 10_000L << (attempt - 1));
            assertThat(sender.backoff(attempt).toMillis()).as("attempt " + attempt).isBetween(full / 2, full);
        }
    }

    private void recipient(String owner, String address, String language) {
        jdbc.sql("INSERT INTO notifier_recipient (recipient_id, owner, address, language) VALUES (:id, :owner, :address, :language)")
                .param("id", "RCP-" + UUID.randomUUID()).param("owner", owner).param("address", address)
                .param("language", language).update();
    }

    private long rows(DelegationId delegation) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE delegation_id = :id")
                .param("id", delegation.value()).query(Long.class).single();
    }

    private String status(DelegationId delegation) {
        return jdbc.sql("SELECT status FROM notification_outbox WHERE delegation_id = :id")
                .param("id", delegation.value()).query(String.class).single();
    }
}
