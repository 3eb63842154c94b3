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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's transaction that PostgreSQL ends to break a deadlock (40P01) recorded nothing: the answer is a
 * conflict with another change at the same time, to be retried, not an unexpected error.
 */
@OpeIntegrationTest
class DeadlockedCommitTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aCommandWhoseTransactionIsChosenToBreakADeadlockIsAConflictAndRecordsNothing() throws Exception {
        Api desk = new Api(port).as("desk");
        Api.Response registered = desk.post("/api/delegations", Requests.delegation("Deadlock " + UUID.randomUUID()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = registered.json().get("id").asString();
        String screening = "{\"businessOpportunityAssessment\":\"Solid\"}";

        Api.Response answer;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CommitOrderedJdbcEventStorageEngine.APPEND_LOCK_KEY);
                lock.execute();
            }
            // the screening's event (the delegation's second) is inserted, then its commit waits for the lock
            CompletableFuture<Api.Response> screened = CompletableFuture.supplyAsync(
                    () -> desk.post("/api/delegations/" + id + "/screening", screening));
            awaitACommitWaitingForTheLock();
            // this session now waits for the screening's transaction: a cycle, which the screening's own deadlock
            // check (it waited first) breaks by ending its transaction
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, eventIdentifier, payload,
                                                  payloadType, timeStamp)
                    VALUES (?, 1, ?, '\\x00'::bytea, 'probe', '2026-01-01T00:00:00Z')""")) {
                insert.setString(1, id);
                insert.setString(2, UUID.randomUUID().toString());
                insert.execute();
            }
            answer = screened.get(30, TimeUnit.SECONDS);
            other.rollback();
        }

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(answer.json().get("detail").asString()).contains("nothing was recorded");
        assertThat(eventsOf(id)).as("the ended transaction's event").isEqualTo(1);

        Api.Response again = desk.post("/api/delegations/" + id + "/screening", screening);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    private void awaitACommitWaitingForTheLock() throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < 300; i++) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no commit came to wait for the append lock within 6 s");
    }

    private long eventsOf(String id) {
        return JdbcClient.create(dataSource).sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", id).query(Long.class).single();
    }
}
