package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prints how long appending, verifying the chain, exporting and replaying take for a number of events
 * (first argument, default 50000) on a fresh embedded PostgreSQL. A program, not a test; run it with the test
 * class path of the app module (see docs/auditing.md).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int batch = 500;
        Path data = Path.of("target", "benchmark-postgres", UUID.randomUUID().toString());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
             ConfigurableApplicationContext app = BenchmarkApplication.on(postgres.jdbcUrl())) {
            int port = BenchmarkApplication.port(app);
            EventStore eventStore = app.getBean(EventStore.class);
            TransactionManager transactions = app.getBean(TransactionManager.class);

            long started = System.nanoTime();
            for (int start = 0; start < events; start += batch) {
                List<EventMessage<?>> messages = new ArrayList<>(batch);
                for (int n = start; n < Math.min(events, start + batch); n++) {
                    messages.add(GenericEventMessage.asEventMessage(new AuditTestEvent("benchmark", n,
                                    "an event of about the size of a small domain event, for the benchmark"))
                            .andMetaData(MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM")));
                }
                transactions.executeInTransaction(() -> eventStore.publish(messages));
            }
            report("append (with chain links)", events, started);

            Api auditor = new Api(port).as("auditor");
            for (int round = 1; round <= 3; round++) {
                started = System.nanoTime();
                JsonNode verified = auditor.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/verify")).GET()
                        .timeout(Duration.ofMinutes(10)), Map.of()).json();
                report("verify round " + round + " (ok=" + verified.get("ok").asBoolean() + ")",
                        verified.get("eventsChecked").asLong(), started);
            }

            started = System.nanoTime();
            Api.Response export = auditor.get("/api/audit/export");
            report("export NDJSON (" + export.body().length() / 1024 / 1024 + " MiB)",
                    export.body().lines().count(), started);

            Api admin = new Api(port).as("admin");
            admin.getUntil("/api/admin/projections/delegation-board",
                    r -> r.json().path("behindBy").asLong(-1) == 0, Duration.ofMinutes(5));
            admin.post("/api/admin/projections/delegation-board/replay", "");
            JsonNode replay = admin.getUntil("/api/admin/projections/delegation-board",
                    r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofMinutes(10))
                    .json().get("lastReplay");
            System.out.printf("%-45s %8d events  %.0f events/s (as the replay reports it)%n",
                    "replay delegation-board", replay.get("eventsToReplay").asLong(),
                    replay.get("eventsPerSecond").asDouble());
        }
        System.exit(0);
    }

    private static void report(String what, long count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%-45s %8d events  %7.2f s  %8.0f events/s  %.3f s per 10k%n",
                what, count, seconds, count / seconds, seconds / count * 10_000);
    }
}
