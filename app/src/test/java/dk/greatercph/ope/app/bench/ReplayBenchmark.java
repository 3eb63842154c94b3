package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.DelegationEvents;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Prints how fast the projections that handle delegations replay: appends N delegations (first argument, default
 * 10000; each registered and screened) to a fresh embedded PostgreSQL while the projections are stopped, prints how
 * fast they all catch up on them once started again (see {@link #catchUp}), then replays
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

            CatchUp catchUp = catchUp(app, () -> {
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
            }, Duration.ofMinutes(30));
            System.out.printf("catch-up %d projections  %8d events  %7.2f s  %7.0f events/s%n",
                    catchUp.projections(), catchUp.events(), catchUp.seconds(), catchUp.eventsPerSecond());
            catchUp.secondsEach().forEach((name, seconds) ->
                    System.out.printf("catch-up %-24s at head after %7.2f s%n", name, seconds));

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

    /**
     * How fast the live projections catch up on new events: stops every streaming processor, lets {@code append}
     * store events, starts them again and waits until every segment of every processor has reached the head of
     * the event store. The rate is events appended meanwhile divided by the time from the restart until the
     * last processor is at the head, so it counts the events once however many projections handle them.
     */
    public static CatchUp catchUp(ConfigurableApplicationContext app, Runnable append, Duration timeout)
            throws InterruptedException {
        EventStore eventStore = app.getBean(EventStore.class);
        List<StreamingEventProcessor> processors = app.getBean(EventProcessingConfiguration.class)
                .eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        long before = position(eventStore);
        processors.forEach(StreamingEventProcessor::shutDown);
        append.run();
        long head = position(eventStore);
        long started = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        long deadline = started + timeout.toNanos();
        Map<String, Double> secondsEach = new TreeMap<>();
        while (secondsEach.size() < processors.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The projections did not catch up within " + timeout);
            }
            for (StreamingEventProcessor processor : processors) {
                if (!secondsEach.containsKey(processor.getName()) && atHead(processor, head)) {
                    secondsEach.put(processor.getName(), (System.nanoTime() - started) / 1e9);
                }
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = head - before;
        return new CatchUp(processors.size(), events, seconds, events / seconds, secondsEach);
    }

    private static boolean atHead(StreamingEventProcessor processor, long head) {
        var segments = processor.processingStatus().values();
        return processor.isRunning() && !segments.isEmpty()
                && segments.stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
    }

    private static long position(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * What {@link #catchUp} measured: how many processors, events and seconds, the events per second, and when each
     * processor reached the head (seconds after the restart).
     */
    public record CatchUp(int projections, long events, double seconds, double eventsPerSecond,
                          Map<String, Double> secondsEach) {
    }
}
