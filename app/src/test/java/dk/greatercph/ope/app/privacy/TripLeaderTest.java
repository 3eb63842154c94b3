package dk.greatercph.ope.app.privacy;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.TripLeaderUpcaster;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

        JsonNode reads = auditor.get("/api/audit/personal-data-reads?person=" + leader).json();
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
        return """
                {"year":%d,"title":"Leader trip","destinations":["Nanjing"],"startDate":"%d-05-10",
                 "endDate":"%d-05-16","leader":"%s","extraordinaryReason":"Test"%s}"""
                .formatted(year, year, year, leader,
                        leaderPersonId == null ? "" : ",\"leaderPersonId\":\"" + leaderPersonId + "\"");
    }
}
