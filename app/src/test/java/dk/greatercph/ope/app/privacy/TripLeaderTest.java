package dk.greatercph.ope.app.privacy;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.TripLeaderUpcaster;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R9 for the trip's leader: the name is sealed in TripPlannedEvent (revision 2), erasable, found by right of
 * access; trips planned under revision 1, with the name in clear, read the same way through the upcaster; and
 * every read that shows the name is recorded.
 */
@OpeIntegrationTest
class TripLeaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    PersonalData personalData;

    @Autowired
    TripLeaderUpcaster upcaster;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theLeaderIsSealedInTheLogShownToTheDeskAndErasable() {
        Api desk = new Api(port).as("desk");
        Api auditor = new Api(port).as("auditor");
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        String name = "Chair " + UUID.randomUUID();
        int year = 2030 + (int) (Math.random() * 60);
        String trip = ok(desk.post("/api/trips", plan(year, name, null))).json().get("id").asString();
        ok(desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OPERATOR\",\"name\":\"Rep\",\"operatorId\":\"chc\"}"));

        JsonNode view = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(10)).json();
        String leader = view.get("leaderPersonId").asString();
        assertThat(view.get("leader").asString()).isEqualTo(name);
        assertThat(leader).matches(PersonId.FORMAT);
        assertThat(storedEventsOf(trip, name)).as("the name is nowhere in the stored payload").isZero();
        assertThat(storedRevisionOf(trip)).isEqualTo("2");
        JsonNode access = desk.getUntil("/api/persons/" + leader, r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(access.get("appearances").get(0).get("sourceType").asString()).isEqualTo("TRIP_LEADER");
        assertThat(access.get("appearances").get(0).get("name").asString()).isEqualTo(name);
        String again = ok(desk.post("/api/trips", plan(2030 + (int) (Math.random() * 60), name, leader))).json()
                .get("id").asString();
        assertThat(desk.getUntil("/api/persons/" + leader, r -> r.json().path("appearances").size() == 2,
                Duration.ofSeconds(10)).json().get("appearances").valueStream().map(a -> a.get("sourceId").asString()))
                .containsExactlyInAnyOrder(trip, again);
        assertThat(auditor.get("/api/audit/export?from=" + before).body()).contains(name);
        String days = "/api/schedule?from=" + year + "-05-10&to=" + year + "-05-16";
        Api.Response travelling = new Api(port).as("chc").getUntil(days, r -> r.body().contains(trip), Duration.ofSeconds(10));
        assertThat(travelling.body()).contains(trip).doesNotContain(name);
        assertThat(new Api(port).as("chc").get(days.replace("/api/schedule", "/api/schedule.ics")).body())
                .doesNotContain(name);
        assertThat(desk.get(days).body()).contains(name);

        // a parameter the request does not take, carrying the leader's name, is refused by name: nothing read, and
        // the name it carried is nowhere in the log of reads
        assertThat(desk.get("/api/trips?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(desk.get("/api/trips/" + trip + "?who=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8) + "&minVersion=0&mail=x%40example.cn").status()).isEqualTo(400);
        desk.get("/api/trips/" + trip + "?minVersion=0");
        JsonNode reads = auditor.get("/api/audit/personal-data-reads?person=" + leader).json();
        assertThat(reads.toString()).doesNotContain(name.substring("Chair ".length())).doesNotContain("example.cn");
        assertThat(reads.valueStream().map(r -> r.get("request").asString()))
                .contains("GET /api/trips/" + trip + "?minVersion=0");
        assertThat(reads.valueStream().map(r -> r.get("actor").asString() + " " + r.get("request").asString()))
                .anyMatch(r -> r.equals("desk GET /api/trips/" + trip))
                .anyMatch(r -> r.equals("desk GET /api/persons/" + leader))
                .anyMatch(r -> r.equals("desk GET " + days))
                .anyMatch(r -> r.startsWith("auditor GET /api/audit/export?from="));
        assertThat(reads.get(0).get("readAt").asString()).isNotBlank();
        assertThat(reads.get(0).get("actorRole").asString()).isIn("DESK", "AUDITOR");
        assertThat(auditor.get("/api/audit/personal-data-reads?actor=auditor&limit=5").json().valueStream()
                .allMatch(r -> r.get("actor").asString().equals("auditor"))).isTrue();

        ok(desk.post("/api/persons/" + leader + "/erasure", "{\"legalBasis\":\"GDPR art. 17\"}"));
        assertThat(desk.getUntil("/api/trips/" + trip, r -> PersonalData.ERASED.equals(r.json().get("leader").asString()),
                Duration.ofSeconds(10)).json().get("leader").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(desk.getUntil("/api/trips/" + again, r -> PersonalData.ERASED.equals(r.json().get("leader").asString()),
                Duration.ofSeconds(10)).json().get("leader").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(auditor.get("/api/audit/Trip/" + trip + "/timeline").body()).doesNotContain(name);
    }

    @Test
    void aTripPlannedInRevisionOneWithTheLeaderInClearIsReadSealedAndErasable() {
        Api desk = new Api(port).as("desk");
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        TripId trip = TripId.newId();
        String name = "Old Chair " + UUID.randomUUID();
        int year = 2030 + (int) (Math.random() * 60);
        byte[] revision1 = revision1(trip, year, name);
        OldRevisions.append(engine, eventSerializer, "Trip", trip.value(), 0, TripPlannedEvent.class.getName(), "1",
                revision1, Map.of("actor", "desk", "actorRole", "DESK"));
        assertThat(storedRevisionOf(trip.value())).isEqualTo("1");
        assertThat(storedEventsOf(trip.value(), name)).as("revision 1 holds the name in clear").isEqualTo(1);

        JsonNode view = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(10)).json();
        PersonId leader = TripLeaderUpcaster.legacyLeader(trip.value());
        assertThat(view.get("leader").asString()).isEqualTo(name);
        assertThat(view.get("leaderPersonId").asString()).isEqualTo(leader.value());
        assertThat(view.get("year").asInt()).isEqualTo(year);
        assertThat(desk.getUntil("/api/persons/" + leader, r -> r.status() == 200, Duration.ofSeconds(10)).json()
                .get("appearances").get(0).get("name").asString()).isEqualTo(name);
        ok(desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}"));
        Api auditor = new Api(port).as("auditor");
        assertThat(auditor.get("/api/audit/events?aggregateId=" + trip).body()).contains(name);
        JsonNode state = new Api(port).as("auditor").get("/api/audit/Trip/" + trip + "/state").json();
        assertThat(state.get("version").asLong()).isEqualTo(1);

        ok(desk.post("/api/persons/" + leader + "/erasure", "{\"legalBasis\":\"GDPR art. 17\"}"));
        assertThat(desk.getUntil("/api/trips/" + trip, r -> PersonalData.ERASED.equals(r.json().get("leader").asString()),
                Duration.ofSeconds(10)).json().get("leader").asString()).isEqualTo(PersonalData.ERASED);
        JsonNode planned = new Api(port).as("auditor").get("/api/audit/Trip/" + trip + "/timeline").json()
                .get("events").get(0);
        assertThat(planned.toString()).doesNotContain(name).contains(PersonalData.ERASED);
        assertThat(auditor.get("/api/audit/events?aggregateId=" + trip).body()).doesNotContain(name)
                .contains(PersonalData.ERASED);
        assertThat(auditor.get("/api/audit/export?from=" + before).body()).doesNotContain(name);
        assertThat(auditor.get("/api/audit/personal-data-reads?person=" + leader).json().valueStream()
                .map(r -> r.get("actor").asString() + " " + r.get("request").asString()))
                .contains("auditor GET /api/audit/events?aggregateId=" + trip);
        assertThat(new Api(port).as("auditor").get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    /**
     * Axon reads an event once and hands the same upcast message to every processor that tails the store, so a
     * leader sealed while one transaction reads a revision-1 trip is opened in other transactions: while the
     * reading one is still open, after it rolled back, while several read the same trip at once, and when it is
     * read-only. Everywhere the leader opens to the name, with one key.
     */
    @Test
    void aRevisionOneLeaderSealedWhileOneTransactionReadsOpensInEveryOther() throws Exception {
        TripId trip = TripId.newId();
        String name = "Old Chair " + UUID.randomUUID();
        byte[] revision1 = revision1(trip, 2031, name);
        CyclicBarrier read = new CyclicBarrier(2);
        CyclicBarrier opened = new CyclicBarrier(2);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            Queue<SealedText> leaders = new ConcurrentLinkedQueue<>();
            Future<?> reading = readers.submit(() -> new TransactionTemplate(transactionManager)
                    .executeWithoutResult(status -> {
                        leaders.add(upcast(trip, revision1).leader());
                        await(read);
                        await(opened);
                        status.setRollbackOnly();
                    }));
            await(read);
            assertThat(personalData.openOrErased(leaders.peek())).as("while the reading transaction is open")
                    .isEqualTo(name);
            await(opened);
            reading.get(30, TimeUnit.SECONDS);
            assertThat(personalData.openOrErased(leaders.peek())).as("after it rolled back").isEqualTo(name);
            assertThat(personalData.isErased(TripLeaderUpcaster.legacyLeader(trip.value()))).isFalse();

            TripId another = TripId.newId();
            byte[] anotherRevision1 = revision1(another, 2032, name);
            CyclicBarrier allRead = new CyclicBarrier(4);
            CyclicBarrier allOpened = new CyclicBarrier(4);
            Queue<SealedText> concurrent = new ConcurrentLinkedQueue<>();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(readers.submit(() -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> {
                            concurrent.add(upcast(another, anotherRevision1).leader());
                            await(allRead);
                            await(allOpened);
                            status.setRollbackOnly();
                        })));
            }
            await(allRead);
            assertThat(concurrent).hasSize(3).allSatisfy(leader -> assertThat(personalData.openOrErased(leader))
                    .as("read by three transactions at once, all still open").isEqualTo(name));
            await(allOpened);
            for (Future<?> each : all) {
                each.get(30, TimeUnit.SECONDS);
            }
            assertThat(concurrent).allSatisfy(leader -> assertThat(personalData.openOrErased(leader))
                    .as("after all three rolled back").isEqualTo(name));

            TripId third = TripId.newId();
            byte[] thirdRevision1 = revision1(third, 2033, name);
            TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
            readOnly.setReadOnly(true);
            SealedText readOnlyLeader = readOnly.execute(status -> upcast(third, thirdRevision1).leader());
            assertThat(personalData.openOrErased(readOnlyLeader)).as("read in a read-only transaction").isEqualTo(name);
        } finally {
            readers.shutdownNow();
        }
    }

    /** The revision-1 payload as a processor or the command side reads it from the store: upcast, deserialized. */
    private TripPlannedEvent upcast(TripId trip, byte[] revision1) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Trip", trip.value(), 0,
                UUID.randomUUID().toString(), Instant.now(), TripPlannedEvent.class.getName(), "1", revision1,
                eventSerializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
        IntermediateEventRepresentation upcast = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(stored, eventSerializer))).findFirst().orElseThrow();
        return eventSerializer.deserialize(upcast.getData());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the readers did not meet", e);
        }
    }

    /** The payload as revision 1 stored it: the same fields, the leader a name in clear. */
    private byte[] revision1(TripId trip, int year, String leader) {
        TripPlannedEvent current = new TripPlannedEvent(trip, year, "Legacy trip", List.of("Nanjing"),
                LocalDate.of(year, 5, 10), LocalDate.of(year, 5, 16), personalData.seal(PersonId.newId(), "x"), true,
                "Planned before leaders were sealed");
        byte[] json = eventSerializer.serialize(current, byte[].class).getData();
        ObjectNode payload = (ObjectNode) JSON.readTree(json);
        payload.put("leader", leader);
        return JSON.writeValueAsBytes(payload);
    }

    private long storedEventsOf(String aggregate, String text) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id
                          AND position(CAST(:text AS TEXT) IN convert_from(payload, 'UTF8')) > 0
                        """)
                .param("id", aggregate).param("text", text).query(Long.class).single();
    }

    private String storedRevisionOf(String aggregate) {
        return jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id AND sequencenumber = 0")
                .param("id", aggregate).query(String.class).single();
    }

    private static String plan(int year, String leader, String leaderPersonId) {
        return TripPlan.of(year).titled("Leader trip").ledBy(leader).extraordinary("Test").ledByPerson(leaderPersonId)
                .json();
    }
}
