package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.DelegationEvents;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prints how fast the projections that handle delegations replay: appends N delegations (first argument, default
 * 10000; each registered and screened) to a fresh embedded PostgreSQL, waits for the projections, then replays
 * {@code delegation-board} and {@code schedule} three times each. Every handler runs in a savepoint so that a
 * failing one can be dead-lettered; this shows what that costs. A program, not a test; run it with the test class
 * path of the app module (see AuditBenchmark in docs/auditing.md).
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int delegations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batch = 250;
        Path data = Path.of("target", "benchmark-postgres", UUID.randomUUID().toString());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
             ConfigurableApplicationContext app = BenchmarkApplication.on(postgres.jdbcUrl())) {
            int port = BenchmarkApplication.port(app);
            EventStore eventStore = app.getBean(EventStore.class);
            TransactionManager transactions = app.getBean(TransactionManager.class);
            MetaData actor = MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM");
            LocalDate day = LocalDate.of(2090, 1, 1);

            for (int start = 0; start < delegations; start += batch) {
                List<EventMessage<?>> messages = new ArrayList<>();
                for (int n = start; n < Math.min(delegations, start + batch); n++) {
                    DelegationId id = DelegationId.newId();
                    messages.add(new GenericDomainEventMessage<>("Delegation", id.value(), 0,
                            DelegationEvents.registered(id, "Benchmark " + n, day, day.plusDays(2),
                                    Theme.HEALTH_WELFARE_TECH), actor));
                    messages.add(new GenericDomainEventMessage<>("Delegation", id.value(), 1,
                            DelegationEvents.screened(id, false), actor));
                }
                transactions.executeInTransaction(() -> eventStore.publish(messages));
            }

            Api admin = new Api(port).as("admin");
            for (String projection : List.of("delegation-board", "schedule")) {
                admin.getUntil("/api/admin/projections/" + projection,
                        r -> r.json().path("behindBy").asLong(-1) == 0, Duration.ofMinutes(10));
                for (int round = 1; round <= 3; round++) {
                    admin.post("/api/admin/projections/" + projection + "/replay", "");
                    JsonNode replay = admin.getUntil("/api/admin/projections/" + projection,
                            r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofMinutes(10))
                            .json().get("lastReplay");
                    System.out.printf("replay %-18s round %d  %8d events  %7.0f events/s%n", projection, round,
                            replay.get("eventsToReplay").asLong(), replay.get("eventsPerSecond").asDouble());
                }
            }
        }
        System.exit(0);
    }
}
