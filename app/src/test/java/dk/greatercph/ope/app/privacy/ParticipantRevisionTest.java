package dk.greatercph.ope.app.privacy;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import dk.greatercph.ope.platform.privacy.ParticipantUpcaster;
import dk.greatercph.ope.platform.privacy.PersonalData;
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

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ParticipantAddedEvent is at revision 2. Events an older release stored as revision 1 — with name and title in
 * clear and no person id, or already sealed — are read through the upcasting chain: by the aggregate, by the
 * projections, by right of access and by the audit log, and the clear ones are erasable like any other person.
 */
@OpeIntegrationTest
class ParticipantRevisionTest {

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
    void participantsStoredInRevisionOneAreReadByTheAggregateTheProjectionsAndTheAuditLog() {
        Api desk = new Api(port).as("desk");
        Api auditor = new Api(port).as("auditor");
        int year = 2030 + (int) (Math.random() * 60);
        String trip = ok(desk.post("/api/trips", """
                {"year":%d,"title":"Old participants","destinations":["Nanjing"],"startDate":"%d-05-10",
                 "endDate":"%d-05-16","leader":"A Chair","extraordinaryReason":"Test"}""".formatted(year, year, year)))
                .json().get("id").asString();
        String name = "Old Mayor " + UUID.randomUUID();
        String title = "Mayor " + UUID.randomUUID();
        String sealedName = "Sealed Official " + UUID.randomUUID();
        OldRevisions.append(engine, eventSerializer, "Trip", trip, 1, ParticipantAddedEvent.class.getName(), "1",
                inClear(trip, "PAR-old", name, title), Map.of("actor", "desk", "actorRole", "DESK"));
        PersonId official = PersonId.newId();
        OldRevisions.append(engine, eventSerializer, "Trip", trip, 2, ParticipantAddedEvent.class.getName(), "1",
                eventSerializer.serialize(new ParticipantAddedEvent(new TripId(trip), "PAR-sealed", ParticipantKind.OPERATOR,
                        official, personalData.seal(official, sealedName), null, "Copenhagen Capacity",
                        new OperatorId("copcap")), byte[].class).getData(),
                Map.of("actor", "desk", "actorRole", "DESK"));
        assertThat(storedRevisions(trip)).containsExactly("2", "1", "1");
        assertThat(storedEventsOf(trip, name)).as("the first shape holds the name in clear").isEqualTo(1);

        PersonId mayor = ParticipantUpcaster.legacyParticipant(trip, "PAR-old");
        JsonNode view = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200
                && r.json().get("participants").size() == 2, Duration.ofSeconds(10)).json();
        JsonNode old = participant(view, "PAR-old");
        assertThat(old.get("name").asString()).isEqualTo(name);
        assertThat(old.get("title").asString()).isEqualTo(title);
        assertThat(old.get("personId").asString()).isEqualTo(mayor.value()).matches(PersonId.FORMAT);
        assertThat(old.get("kind").asString()).isEqualTo("POLITICIAN");
        JsonNode sealed = participant(view, "PAR-sealed");
        assertThat(sealed.get("name").asString()).isEqualTo(sealedName);
        assertThat(sealed.get("personId").asString()).isEqualTo(official.value());
        assertThat(sealed.get("operatorId").asString()).isEqualTo("copcap");
        JsonNode access = desk.getUntil("/api/persons/" + mayor, r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(access.get("appearances").get(0).get("sourceType").asString()).isEqualTo("TRIP_PARTICIPANT");
        assertThat(access.get("appearances").get(0).get("name").asString()).isEqualTo(name);
        assertThat(auditor.get("/api/audit/events?aggregateId=" + trip).body()).contains(name, sealedName);
        assertThat(auditor.get("/api/audit/Trip/" + trip + "/state").json().get("version").asLong()).isEqualTo(2);

        ok(desk.post("/api/persons/" + mayor + "/erasure", "{\"legalBasis\":\"GDPR art. 17\"}"));
        JsonNode erased = participant(desk.getUntil("/api/trips/" + trip,
                r -> PersonalData.ERASED.equals(participant(r.json(), "PAR-old").get("name").asString()),
                Duration.ofSeconds(10)).json(), "PAR-old");
        assertThat(erased.get("name").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(auditor.get("/api/audit/events?aggregateId=" + trip).body()).doesNotContain(name).doesNotContain(title)
                .contains(PersonalData.ERASED, sealedName);
        assertThat(auditor.get("/api/audit/Trip/" + trip + "/timeline").body()).doesNotContain(name);

        ok(delete(desk, "/api/trips/" + trip + "/participants/PAR-old"));
        assertThat(delete(desk, "/api/trips/" + trip + "/participants/PAR-old").json().get("code").asString()).as("the aggregate knew the participant, and now knows it is gone")
                .isEqualTo("PARTICIPANT_NOT_FOUND");
        ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00","endsAt":"%d-05-11T12:00","city":"Nanjing","counterpart":"Jiangsu FAO"}"""
                .formatted(year, year)));
        ok(desk.post("/api/trips/" + trip + "/approval", ""));
        assertThat(storedRevisions(trip)).as("what was stored is never rewritten").startsWith("2", "1", "1");
        assertThat(storedEventsOf(trip, name)).isEqualTo(1);
        assertThat(auditor.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    private Api.Response delete(Api api, String path) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE(), Map.of());
    }

    private static JsonNode participant(JsonNode trip, String participantId) {
        return trip.get("participants").valueStream()
                .filter(p -> p.get("participantId").asString().equals(participantId)).findFirst().orElseThrow();
    }

    /** The payload as the first release stored it: name and title in clear, no person id. */
    private static byte[] inClear(String trip, String participantId, String name, String title) {
        ObjectNode payload = JSON.createObjectNode();
        payload.putObject("tripId").put("value", trip);
        payload.put("participantId", participantId);
        payload.put("kind", "POLITICIAN");
        payload.put("name", name);
        payload.put("title", title);
        payload.put("organisation", "Capital Region");
        payload.putNull("operatorId");
        return JSON.writeValueAsBytes(payload);
    }

    private List<String> storedRevisions(String aggregate) {
        return jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id ORDER BY sequencenumber")
                .param("id", aggregate).query(String.class).list();
    }

    private long storedEventsOf(String aggregate, String text) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id
                          AND position(CAST(:text AS TEXT) IN convert_from(payload, 'UTF8')) > 0
                        """)
                .param("id", aggregate).param("text", text).query(Long.class).single();
    }
}
