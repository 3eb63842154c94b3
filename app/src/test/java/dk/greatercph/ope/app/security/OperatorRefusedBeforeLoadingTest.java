package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's command on a delegation it was never offered is refused before the delegation is loaded from the
 * event store, so it costs what a command on a delegation that does not exist costs. Shown with the event store
 * locked against every read: the operator's refusal still arrives, while the assigned lead's command on the same
 * delegation waits to read its events until the lock is gone.
 */
@OpeIntegrationTest
class OperatorRefusedBeforeLoadingTest {

    private static final String COMPLETION = "{\"summary\":\"Probe\",\"investmentLeads\":0}";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnassignedOperatorIsRefusedWithoutReadingTheDelegationsEvents() throws Exception {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String assignedToOthers = lifecycle.accepted("Not woco's " + UUID.randomUUID());
        Api woco = new Api(port).as("woco");
        Api chc = new Api(port).as("chc");
        String path = "/api/delegations/" + assignedToOthers + "/completion";

        CompletableFuture<Api.Response> loading;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '20s'");
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = '120s'");
                statement.execute("LOCK TABLE DomainEventEntry IN ACCESS EXCLUSIVE MODE");
            }
            try {
                // no read of the event store can happen now: the answer comes from the lookup alone
                Api.Response refused = answeredWhileLocked(CompletableFuture.supplyAsync(() -> woco.post(path, COMPLETION)));
                Api.Response missing = answeredWhileLocked(CompletableFuture.supplyAsync(() ->
                        woco.post("/api/delegations/DEL-" + UUID.randomUUID() + "/completion", COMPLETION)));
                assertThat(refused.status()).as(refused.body()).isEqualTo(404);
                assertThat(refused.json().get("code").asString()).isEqualTo("NOT_FOUND");
                for (String field : new String[]{"status", "code", "title", "detail"}) {
                    assertThat(refused.json().get(field)).as(field).isEqualTo(missing.json().get(field));
                }

                // the assigned lead, in contrast, has the delegation loaded: that waits for the lock
                loading = CompletableFuture.supplyAsync(() -> chc.post(path, COMPLETION));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!waitingToLoadAnAggregate() && System.nanoTime() < deadline) {
                    Api.sleep(20);
                }
                assertThat(waitingToLoadAnAggregate()).isTrue();
                assertThat(loading).isNotDone();
            } finally {
                lock.rollback();
            }
        }
        Api.Response lead = loading.get(20, TimeUnit.SECONDS);
        assertThat(lead.status()).as(lead.body()).isEqualTo(409);
        assertThat(lead.json().get("code").asString()).isEqualTo("INVALID_STATE");
    }

    private static Api.Response answeredWhileLocked(CompletableFuture<Api.Response> request) throws Exception {
        try {
            return request.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The operator's command waited for the locked event store: it loads the delegation");
        }
    }

    /** True while a session waits for a lock with a query that reads one aggregate's events. */
    private boolean waitingToLoadAnAggregate() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND query ~* 'FROM\\s+DomainEventEntry\\s+WHERE\\s+aggregateIdentifier\\s*='
                        """).query(Long.class).single() > 0;
    }
}
