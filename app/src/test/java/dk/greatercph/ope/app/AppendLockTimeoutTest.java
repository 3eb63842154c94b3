package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.platform.eventstore.CommitOrderedJdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's commit waits for the append lock inside PostgreSQL. One that cannot have it before the driver's socket
 * timeout (10 s) is refused, and records nothing: PostgreSQL ends the wait first (the commit-order trigger's
 * {@code lock_timeout}, 8 s), so the commit fails instead of going on to commit after its request was answered 503.
 */
@OpeIntegrationTest
class AppendLockTimeoutTest {

    /** The pool's socket timeout (PlatformDefaults) and a margin: a commit still waiting then would commit after. */
    private static final Duration HELD = Duration.ofSeconds(12);

    private static final String KEY = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aCommitThatWaitsPastTheLockTimeoutIsRefusedAndRecordsNothing() throws Exception {
        Api desk = new Api(port).as("desk");
        String refusedOrganisation = "Lock timeout " + UUID.randomUUID();

        Api.Response refused = registerWhileTheLockIsHeld(desk, refusedOrganisation, Map.of("Idempotency-Key", KEY));

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refused.json().get("detail").asString()).contains("nothing was recorded");
        assertThat(refused.header("Retry-After")).isEqualTo("2");

        assertThat(eventsNaming(refusedOrganisation)).as("the refused registration, never committed").isZero();
        // the key's mark of a recorded request was rolled back with the events: the retry is carried out, once
        Api.Response retried = desk.post("/api/delegations", Requests.delegation(refusedOrganisation),
                Map.of("Idempotency-Key", KEY));
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(eventsNaming(refusedOrganisation)).as("the retry, recorded once").isEqualTo(1);
    }

    /**
     * A commit whose answer the driver stops waiting for (its socket timeout) may still commit: it is answered as a
     * broken connection is, 503 with Retry-After, not as an unexpected error. Spring's rollback after the failed
     * commit found the connection closed and its exception replaced the commit's, which was answered 500.
     */
    @Test
    void aCommitWhoseAnswerTheDriverStopsWaitingForIsAnswered503() throws Exception {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // the trigger's own bound lifted, so that the commit outwaits the driver
        jdbc.sql("ALTER FUNCTION ope_event_commit_order() SET lock_timeout = '60s'").update();
        Api.Response answer;
        try {
            answer = registerWhileTheLockIsHeld(new Api(port).as("desk"), "Socket timeout " + UUID.randomUUID(),
                    Map.of());
        } finally {
            jdbc.sql("ALTER FUNCTION ope_event_commit_order() SET lock_timeout = '8s'").update();
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(answer.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(answer.header("Retry-After")).isEqualTo("2");
    }

    /** Posts a registration while another session holds the append lock, which it keeps for {@link #HELD}. */
    private Api.Response registerWhileTheLockIsHeld(Api desk, String organisation, Map<String, String> headers)
            throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CommitOrderedJdbcEventStorageEngine.APPEND_LOCK_KEY);
                lock.execute();
            }
            long taken = System.nanoTime();
            Api.Response answer = CompletableFuture.supplyAsync(() -> desk.post("/api/delegations",
                    Requests.delegation(organisation), headers)).get(60, TimeUnit.SECONDS);
            long left = HELD.toNanos() - (System.nanoTime() - taken);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            holder.rollback();
            return answer;
        }
    }

    private long eventsNaming(String organisation) {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM DomainEventEntry WHERE position(convert_to(:organisation, 'UTF8') IN payload) > 0")
                .param("organisation", organisation).query(Long.class).single();
    }
}
