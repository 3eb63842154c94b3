package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.TableRows;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.platform.processing.BackgroundThreads;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.at;
import static dk.greatercph.ope.app.support.DelegationEvents.item;
import static dk.greatercph.ope.app.support.DelegationEvents.offeredLead;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static dk.greatercph.ope.app.support.DelegationEvents.screened;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding every query-side projection from the whole history gives exactly the tables it had. */
@OpeIntegrationTest
class ProjectionRebuildTest {

    /** The query side's projections (processing groups) and the tables each one owns. */
    static final Map<String, List<String>> PROJECTIONS = Map.of(
            "delegation-board", List.of("delegation_board", "delegation_assignment", "delegation_programme_item",
                    "delegation_scope_request", "delegation_refusal"),
            "reference-names", List.of("partner_name", "venue_name"),
            "schedule", List.of("schedule_item", "schedule_delegation", "schedule_conflict"),
            "kpi", List.of("kpi_delegation", "kpi_offer"),
            "annual-report", List.of("annual_report_delegation"),
            "operator-directory", List.of("operator_view", "kpi_target"),
            "trip-board", List.of("trip_view"),
            "personal-data", List.of("personal_data"),
            "notification-settings", List.of("notification_recipient", "notification_webhook"));

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void replayingEveryProjectionFromHistoryRebuildsIdenticalTables() {
        aDelegationThroughItsWholeLifecycle();
        awaitCaughtUp();
        Map<String, String> before = hashes();
        TableRows rowsBefore = TableRows.of(jdbc, tables());
        assertThat(jdbc.sql("SELECT count(*) FROM schedule_item").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM schedule_conflict").query(Long.class).single()).isPositive();

        long started = System.nanoTime();
        CompletableFuture.allOf(PROJECTIONS.keySet().stream().map(name -> processor(name).shutdownAsync())
                .toArray(CompletableFuture[]::new)).join();
        for (String name : PROJECTIONS.keySet()) {
            StreamingEventProcessor processor = processor(name);
            assertThat(processor.supportsReset()).as(name).isTrue();
            processor.resetTokens();
            processor.start();
        }
        long events = awaitCaughtUp() + 1;
        System.out.printf("rebuilt %d projections from %d events in %d ms%n", PROJECTIONS.size(), events,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        assertThat(hashes()).as(() -> rowsBefore.differences(TableRows.of(jdbc, tables()))).isEqualTo(before);
    }

    private static List<String> tables() {
        return PROJECTIONS.values().stream().flatMap(List::stream).toList();
    }

    @Test
    void theLivePushCannotBeReplayed() {
        assertThat(processor("inbox-push").supportsReset()).isFalse();
    }

    @Test
    void everyProcessorOffersEventsThroughTheInvokerThatKnowsItsHandlers() {
        assertThat(processing.eventProcessors()).hasSizeGreaterThanOrEqualTo(PROJECTIONS.size() + 1)
                .allSatisfy((name, processor) -> assertThat(((AbstractEventProcessor) processor).eventHandlerInvoker()
                        .getClass().getSimpleName()).as(name).isEqualTo("HandlersKnownInvoker"));
    }

    /**
     * The processors' threads and the thread reading events for them run at nice 10 ({@code ope.processing.nice}),
     * so that on busy cores the requests are served first; the request threads keep the process's priority.
     */
    @Test
    void theProjectionsThreadsLeaveTheCoresToTheRequestsFirst() throws Exception {
        assertThat(new Api(port).as("desk").get("/api/delegations").status()).isEqualTo(200);
        int process = BackgroundThreads.niceOf(Path.of("/proc/self"));
        Map<String, List<Integer>> niceByThread = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            niceByThread = threadsNice();
            if (niceByThread.getOrDefault("EventProcessor[", List.of()).stream().allMatch(nice -> nice == 10)) {
                break;
            }
            Thread.sleep(50); // a processor another test restarts lowers its new thread as it starts
        }

        assertThat(niceByThread.get("EventProcessor[")).hasSizeGreaterThanOrEqualTo(PROJECTIONS.size())
                .containsOnly(10);
        assertThat(niceByThread.get("EmbeddedEventSt")).containsOnly(10);
        assertThat(niceByThread.get("http-nio")).containsOnly(process);
    }

    /** The nice value of each of this process's threads, by the first characters of their system name. */
    private static Map<String, List<Integer>> threadsNice() throws IOException {
        Map<String, List<Integer>> nice = new LinkedHashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String kind = name.startsWith("http-nio") ? "http-nio"
                            : name.substring(0, Math.min(15, name.length()));
                    nice.computeIfAbsent(kind, k -> new ArrayList<>()).add(BackgroundThreads.niceOf(task));
                } catch (NoSuchFileException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return nice;
    }

    private void aDelegationThroughItsWholeLifecycle() {
        DelegationId id = DelegationId.newId();
        VenueId venue = VenueId.newId();
        LocalDate day = randomFutureDay();
        log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, "Rebuild hall", "Vesterbro 1", 30));
        log.append("Delegation", id.value(), registered(id, "Rebuild Bureau", day, day, Theme.GREEN_GROWTH),
                screened(id, false), routed(id, "clean"), offeredLead(id, "clean"), accepted(id, "clean", AssignmentRole.LEAD),
                item(id, "R1", "Plant visit", at(day, 9, 0), at(day, 11, 0), venue, null),
                new ProgrammeItemChangedEvent(id, "R1", ProgrammeItemKind.SITE_VISIT, "Plant visit", at(day, 10, 0),
                        at(day, 12, 0), venue, null, false, false),
                item(id, "R2", "Briefing in the same hall", at(day, 11, 0), at(day, 11, 30), venue, null),
                new ScopeExpansionRequestedEvent(id, "S1", List.of(Theme.INVESTMENT), "Investors"),
                new ScopeExpansionApprovedEvent(id, "S1", List.of(Theme.INVESTMENT)),
                new DelegationConfirmedEvent(id),
                new DelegationCompletedEvent(id, new Outcome("Good", 1, List.of("Firm"), List.of("MoU"), List.of())));
        new Api(port).as("desk").getUntil("/api/delegations/" + id + "?minVersion=" + log.version(id.value()),
                r -> r.status() == 200, Duration.ofSeconds(10));
    }

    private Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        PROJECTIONS.values().stream().flatMap(List::stream).sorted().forEach(table -> hashes.put(table, jdbc.sql(
                        "SELECT count(*) || ':' || md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                                + table + " t")
                .query(String.class).single()));
        return hashes;
    }

    /** Waits until every projection has handled the last event; returns that event's position. */
    private long awaitCaughtUp() {
        long head = jdbc.sql("SELECT COALESCE(max(globalIndex), -1) FROM DomainEventEntry").query(Long.class).single();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!PROJECTIONS.keySet().stream().allMatch(name -> caughtUp(name, head))) {
            assertThat(System.nanoTime()).as("projections caught up with position %d: %s", head, statuses())
                    .isLessThan(deadline);
            Api.sleep(50);
        }
        return head;
    }

    private Map<String, Object> statuses() {
        Map<String, Object> statuses = new LinkedHashMap<>();
        PROJECTIONS.keySet().forEach(name -> statuses.put(name, processor(name).processingStatus()));
        return statuses;
    }

    /** A replay counts as replaying until an event beyond its reset position arrives; reaching the head is enough. */
    private boolean caughtUp(String name, long head) {
        Map<Integer, EventTrackerStatus> status = processor(name).processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
