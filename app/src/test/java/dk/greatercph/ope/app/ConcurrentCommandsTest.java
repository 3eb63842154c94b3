package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault F6: fifty commands at once on one aggregate. Unconditional ones all land, one after the other;
 * conditional ones on the same version: one wins, the others are told the version is stale. Either way the
 * aggregate's sequence has no gap, nobody gets a 5xx, and the hash chain verifies.
 */
@OpeIntegrationTest
class ConcurrentCommandsTest {

    private static final int COMMANDS = 50;
    private static final String MEMBER = "{\"name\":\"Concurrent Member\",\"title\":\"Delegate\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyUnconditionalCommandsOnOneAggregateAllLandWithoutAGap() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("F6 unconditional " + UUID.randomUUID()));

        List<Integer> statuses = inParallel(id, Map.of());

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(201, 409));
        long landed = statuses.stream().filter(status -> status == 201).count();
        assertThat(landed).isEqualTo(COMMANDS);
        assertGaplessWithMembers(id, landed);
        assertChainVerifies();
    }

    @Test
    void fiftyCommandsConditionalOnTheSameVersionHaveOneWinnerAndStaleLosers() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("F6 conditional " + UUID.randomUUID()));
        String version = "\"" + lastSequence(id) + "\"";

        List<Integer> statuses = inParallel(id, Map.of("If-Match", version));

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(201, 409, 412));
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(status -> status == 412).count()).isGreaterThan(0);
        assertGaplessWithMembers(id, 1);
        assertChainVerifies();
    }

    private List<Integer> inParallel(String id, Map<String, String> headers) {
        Api desk = new Api(port).as("desk");
        ExecutorService clients = Executors.newFixedThreadPool(COMMANDS);
        try {
            List<CompletableFuture<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                requests.add(CompletableFuture.supplyAsync(
                        () -> desk.post("/api/delegations/" + id + "/members", MEMBER, headers).status(), clients));
            }
            return requests.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }
    }

    private void assertGaplessWithMembers(String id, long members) {
        List<Long> sequence = jdbc.sql("""
                        SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = :id
                        ORDER BY sequenceNumber""")
                .param("id", id).query(Long.class).list();
        assertThat(sequence).containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
        long added = jdbc.sql("""
                        SELECT count(*) FROM DomainEventEntry
                        WHERE aggregateIdentifier = :id AND payloadType LIKE '%DelegationMemberAddedEvent'""")
                .param("id", id).query(Long.class).single();
        assertThat(added).isEqualTo(members);
        assertThat(sequence).hasSize((int) (2 + members));
    }

    private long lastSequence(String id) {
        return jdbc.sql("SELECT max(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", id).query(Long.class).single();
    }

    private void assertChainVerifies() {
        JsonNode verification = new Api(port).as("auditor").get("/api/audit/verify").json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
    }
}
