package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F3: split mode with two command nodes and two query nodes on one PostgreSQL. Clients send commands through
 * both command nodes in turn; the query node that holds the projections' token claims is frozen
 * ({@code kill -STOP}) inside a transaction, past the claim timeout, while commands go on. Once the database has
 * ended the frozen node's sessions, the other query node takes over every claim and projects what was written
 * meanwhile; after the frozen node is thawed and more commands are sent,
 * the views hold exactly one row per delegation at the version the event store has, and one row per
 * assignment offer: nothing duplicated, nothing missing.
 */
class SplitModeTakeoverFaultIT {

    private static final int CLIENTS = 4;

    /** Axon's default token claim timeout, which the processes run with. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A node frozen inside a transaction keeps the row lock on its token; the database ends such a session after
     * this long, so that the other node can claim the token (without it, it waits until the frozen node runs).
     */
    private static final String IDLE_IN_TRANSACTION_TIMEOUT = "15s";

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aFrozenQueryNodesProjectionsAreTakenOverWithNothingDuplicatedOrMissing() throws Exception {
        Path folder = JarProcess.workFolder("f3");
        List<JarProcess> processes = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(JarProcess.freePort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("idle_in_transaction_session_timeout", IDLE_IN_TRANSACTION_TIMEOUT)
                .start()) {
            try {
                JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());

                long starting = System.nanoTime();
                Path commandJar = JarProcess.commandSideJar();
                Path queryJar = JarProcess.querySideJar();
                JarProcess command1 = node(processes, "f3-command-1", commandJar, folder, postgres.getPort());
                command1.awaitHealthy();
                JarProcess query1 = node(processes, "f3-query-1", queryJar, folder, postgres.getPort());
                JarProcess command2 = node(processes, "f3-command-2", commandJar, folder, postgres.getPort());
                JarProcess query2 = node(processes, "f3-query-2", queryJar, folder, postgres.getPort());
                query1.awaitHealthy();
                command2.awaitHealthy();
                query2.awaitHealthy();
                System.out.printf("F3: four processes up in %d ms%n", millisSince(starting));
                Api[] commandNodes = {new Api(command1.port()), new Api(command2.port())};
                String tag = "F3-" + UUID.randomUUID().toString().substring(0, 8);

                DelegationLoad before = DelegationLoad.start(tag + "-before", CLIENTS, n -> commandNodes[n % 2]);
                before.awaitAcknowledged(20, Duration.ofSeconds(60));

                JarProcess holder = claimHolder(jdbc, query1, query2);
                JarProcess other = holder == query1 ? query2 : query1;
                System.out.printf("F3: %s holds the claims %s; freezing it while it projects%n", holder,
                        owners(jdbc));
                Freeze freeze = freezeInsideATransaction(jdbc, holder);
                long frozenAt = freeze.at();
                DelegationLoad during = DelegationLoad.start(tag + "-during", CLIENTS, n -> commandNodes[n % 2]);
                System.out.printf("F3: %s frozen at attempt %d with %d transactions open%n", holder,
                        freeze.attempt(), freeze.openTransactions());

                long bound = System.nanoTime() + CLAIM_TIMEOUT.multipliedBy(6).toNanos();
                while (!owners(jdbc).values().stream().allMatch(other::owns) && System.nanoTime() < bound) {
                    Api.sleep(200);
                }
                long takeover = millisSince(frozenAt);
                assertThat(owners(jdbc)).as("every claim taken over by %s", other).allSatisfy((processor, owner) ->
                        assertThat(other.owns(owner)).as("%s owned by %s", processor, owner).isTrue());
                assertThat(takeover).as("the frozen node keeps its claims until they time out")
                        .isGreaterThan(CLAIM_TIMEOUT.toMillis() / 2);
                before.stop();
                during.awaitAcknowledged(10, Duration.ofSeconds(30));
                during.stop();
                assertThat(before.refusals()).as("answers other than 2xx").isEmpty();
                assertThat(during.refusals()).as("answers other than 2xx").isEmpty();
                assertThat(viewsConverge(jdbc)).as("views projected by %s while %s is frozen", other, holder).isEmpty();
                String writtenWhileFrozen = during.acknowledged().keySet().iterator().next();
                assertThat(new Api(other.port()).as("desk").get("/api/delegations/" + writtenWhileFrozen).status())
                        .isEqualTo(200);
                System.out.printf("F3: %s took over every claim %d ms after the freeze; %d delegations written "
                        + "while frozen are projected%n", other, takeover, during.acknowledged().size());

                holder.thaw();
                DelegationLoad after = DelegationLoad.start(tag + "-after", CLIENTS, n -> commandNodes[n % 2]);
                after.awaitAcknowledged(10, Duration.ofSeconds(60));
                after.stop();
                assertThat(after.refusals()).as("answers other than 2xx").isEmpty();
                assertThat(viewsConverge(jdbc)).as("views after the thaw").isEmpty();
                for (JarProcess queryNode : List.of(query1, query2)) {
                    Api.Response read = new Api(queryNode.port()).as("desk")
                            .get("/api/delegations/" + writtenWhileFrozen);
                    assertThat(read.status()).as("%s reads the shared views: %s", queryNode, read.body())
                            .isEqualTo(200);
                    Api.Response verified = new Api(queryNode.port()).as("auditor").get("/api/audit/verify");
                    assertThat(verified.json().get("ok").asBoolean()).as(verified.body()).isTrue();
                }
                System.out.printf("F3: %d delegations in all, views equal to the event store; claims now %s%n",
                        jdbc.sql("SELECT count(*) FROM delegation_board").query(Long.class).single(), owners(jdbc));
            } finally {
                // The processes first: stopping PostgreSQL under them would cut their connections.
                for (int i = processes.size() - 1; i >= 0; i--) {
                    long stopping = System.nanoTime();
                    boolean graceful = processes.get(i).stop();
                    System.out.printf("F3: %s stopped %s in %d ms%n", processes.get(i),
                            graceful ? "by itself" : "by SIGKILL", millisSince(stopping));
                }
            }
        }
    }

    /** When the node was frozen, at which attempt, and how many transactions it held open then. */
    private record Freeze(long at, int attempt, long openTransactions) {
    }

    /**
     * Freezes the node, and if it holds no transaction open a second later, thaws it and tries again (at most
     * 20 times): frozen inside a batch, it keeps its token row locked, the harder case for a takeover.
     */
    private static Freeze freezeInsideATransaction(JdbcClient jdbc, JarProcess node) {
        for (int attempt = 1; ; attempt++) {
            long at = System.nanoTime();
            node.freeze();
            Api.sleep(1000);
            long open = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE application_name = ? AND state LIKE 'idle in transaction%'""")
                    .param(node.name()).query(Long.class).single();
            if (open > 0 || attempt == 20) {
                return new Freeze(at, attempt, open);
            }
            node.thaw();
            Api.sleep(100L * (attempt % 5));
        }
    }

    /** Launches one node on the test's PostgreSQL; its connections carry its name as application name. */
    private static JarProcess node(List<JarProcess> processes, String name, Path jar, Path folder, int postgresPort) {
        Map<String, String> env = Map.of(
                "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres?ApplicationName=" + name,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "");
        JarProcess process = JarProcess.launch(name, jar, folder, List.of("--ope.security.allow-demo-users=true"), env);
        processes.add(process);
        return process;
    }

    /** The query node holding most of the claims (with one segment per processor, usually all of them). */
    private static JarProcess claimHolder(JdbcClient jdbc, JarProcess query1, JarProcess query2) {
        Map<String, String> owners = owners(jdbc);
        long byFirst = owners.values().stream().filter(query1::owns).count();
        long bySecond = owners.values().stream().filter(query2::owns).count();
        assertThat(byFirst + bySecond).as("claims %s", owners).isEqualTo(owners.size());
        return byFirst >= bySecond ? query1 : query2;
    }

    /** Processor and segment to the owner of its claim. */
    private static Map<String, String> owners(JdbcClient jdbc) {
        Map<String, String> owners = new HashMap<>();
        jdbc.sql("SELECT processorName, segment, owner FROM TokenEntry")
                .query(rs -> {
                    owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
                });
        return owners;
    }

    /** Waits (bounded) until the views match the event store; answers what still differs. */
    private static List<String> viewsConverge(JdbcClient jdbc) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> differences = differences(jdbc);
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            Api.sleep(200);
            differences = differences(jdbc);
        }
        return differences;
    }

    /**
     * Every delegation in the event store has exactly one board row at its latest sequence number and one KPI
     * row; every delegation has as many assignment rows and KPI offer rows as it has offers; and no view has a
     * row for anything the store does not have.
     */
    private static List<String> differences(JdbcClient jdbc) {
        Map<String, Long> versions = counts(jdbc, """
                SELECT aggregateIdentifier, max(sequenceNumber) FROM DomainEventEntry
                WHERE type = 'Delegation' GROUP BY aggregateIdentifier""");
        Map<String, Long> offers = counts(jdbc, """
                SELECT aggregateIdentifier, count(*) FROM DomainEventEntry
                WHERE payloadType = 'dk.greatercph.ope.events.delegation.AssignmentOfferedEvent'
                GROUP BY aggregateIdentifier""");
        Map<String, Long> ones = versions.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1L));
        List<String> differences = new ArrayList<>();
        compare("delegation_board version", versions,
                counts(jdbc, "SELECT delegation_id, version FROM delegation_board"), differences);
        compare("delegation_assignment rows", offers,
                counts(jdbc, "SELECT delegation_id, count(*) FROM delegation_assignment GROUP BY delegation_id"),
                differences);
        compare("kpi_delegation rows", ones,
                counts(jdbc, "SELECT delegation_id, count(*) FROM kpi_delegation GROUP BY delegation_id"), differences);
        compare("kpi_offer rows", offers,
                counts(jdbc, "SELECT delegation_id, count(*) FROM kpi_offer GROUP BY delegation_id"), differences);
        return differences;
    }

    private static void compare(String what, Map<String, Long> store, Map<String, Long> view,
                                List<String> differences) {
        for (String id : new TreeSet<>(union(store, view))) {
            if (!Objects.equals(store.get(id), view.get(id))) {
                differences.add(what + " of " + id + ": event store " + store.get(id) + ", view " + view.get(id));
            }
        }
    }

    private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
        List<String> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static Map<String, Long> counts(JdbcClient jdbc, String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
