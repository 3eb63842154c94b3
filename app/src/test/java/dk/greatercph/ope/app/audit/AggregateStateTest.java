package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An aggregate's history, and its state as of any moment, folded by its own event sourcing handlers. */
@OpeIntegrationTest
class AggregateStateTest {

    @LocalServerPort
    int port;

    Api auditor;
    String id;

    @BeforeEach
    void aRegisteredDelegation() {
        Api desk = new Api(port).as("desk");
        id = desk.post("/api/delegations", Requests.delegation("State " + UUID.randomUUID())).json().get("id").asString();
        auditor = new Api(port).as("auditor");
    }

    @Test
    void theTimelineShowsEveryEventWithWhoAndWhy() {
        JsonNode timeline = auditor.get("/api/audit/Delegation/" + id + "/timeline").json();

        assertThat(timeline.get("aggregateType").asString()).isEqualTo("Delegation");
        JsonNode first = timeline.get("events").get(0);
        assertThat(first.get("version").asLong()).isZero();
        assertThat(first.get("eventType").asString()).isEqualTo("DelegationRegisteredEvent");
        assertThat(first.get("payload").get("headCount").asInt()).isEqualTo(12);
        assertThat(first.get("metaData").get("actor").asString()).isEqualTo("desk");
    }

    @Test
    void stateAtTheFirstVersionIsTheRegisteredDelegation() {
        Api.Response state = auditor.get("/api/audit/Delegation/" + id + "/state?version=0");

        assertThat(state.status()).isEqualTo(200);
        JsonNode body = state.json();
        assertThat(body.get("version").asLong()).isZero();
        assertThat(body.get("deleted").asBoolean()).isFalse();
        assertThat(body.get("state").get("status").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("state").get("delegationId").get("value").asString()).isEqualTo(id);
    }

    @Test
    void stateAtEachRecordedMomentEqualsTheStateAtThatVersion() {
        JsonNode events = auditor.get("/api/audit/delegation/" + id + "/timeline").json().get("events");

        for (JsonNode event : events) {
            Instant at = Instant.parse(event.get("timestamp").asString());
            long version = event.get("version").asLong();
            JsonNode byTime = auditor.get("/api/audit/Delegation/" + id + "/state?at=" + at).json();
            JsonNode byVersion = auditor.get("/api/audit/Delegation/" + id + "/state?version=" + version).json();
            assertThat(byTime.get("version").asLong()).isGreaterThanOrEqualTo(version);
            if (byTime.get("version").asLong() == version) {
                assertThat(byTime.get("state")).isEqualTo(byVersion.get("state"));
            }
        }
        JsonNode now = auditor.get("/api/audit/Delegation/" + id + "/state?at=" + Instant.now().plusSeconds(1)).json();
        JsonNode current = auditor.get("/api/audit/Delegation/" + id + "/state").json();
        assertThat(now.get("state")).isEqualTo(current.get("state"));
        assertThat(now.get("version").asLong()).isEqualTo(events.size() - 1);
    }

    @Test
    void stateAtAMomentBetweenTwoChangesIsWhatItWasThen() {
        Api desk = new Api(port).as("desk");
        int year = 2030 + (int) (Math.random() * 60);
        String trip = desk.post("/api/trips", TripPlan.of(year).titled("State as of a moment").ledBy("Chair")
                .extraordinary("Audit test").json()).json().get("id").asString();
        String participant = "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}";
        assertThat(desk.post("/api/trips/" + trip + "/participants", participant).status()).isEqualTo(201);
        assertThat(desk.post("/api/trips/" + trip + "/participants", participant).status()).isEqualTo(201);
        JsonNode events = auditor.get("/api/audit/Trip/" + trip + "/timeline").json().get("events");
        assertThat(events.size()).isEqualTo(3);
        Instant firstAdded = Instant.parse(events.get(1).get("timestamp").asString());
        Instant secondAdded = Instant.parse(events.get(2).get("timestamp").asString());
        Instant between = firstAdded.plus(Duration.between(firstAdded, secondAdded).dividedBy(2));

        JsonNode planned = auditor.get("/api/audit/Trip/" + trip + "/state?version=0").json();
        JsonNode then = auditor.get("/api/audit/Trip/" + trip + "/state?at=" + between).json();
        JsonNode now = auditor.get("/api/audit/Trip/" + trip + "/state").json();

        assertThat(planned.get("state").get("participants").size()).isZero();
        assertThat(then.get("version").asLong()).isEqualTo(between.isBefore(secondAdded) ? 1 : 2);
        assertThat(then.get("state").get("participants").size()).isEqualTo(then.get("version").asInt());
        assertThat(then.get("state").get("status").asString()).isEqualTo("PLANNED");
        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(now.get("state").get("participants").size()).isEqualTo(2);
        // a sealed personal field is opened as the timeline opens it: it showed as its ciphertext
        assertThat(now.get("state").get("leader").asString()).isEqualTo("Chair");
        assertThat(now.toString()).doesNotContain("\"sealed\"");
    }

    @Test
    void beforeItsFirstEventTheDelegationDidNotExistYet() {
        JsonNode first = auditor.get("/api/audit/Delegation/" + id + "/timeline").json().get("events").get(0);
        Instant registeredAt = Instant.parse(first.get("timestamp").asString());

        Api.Response before = auditor.get("/api/audit/Delegation/" + id + "/state?at=" + registeredAt.minusMillis(1));
        Api.Response at = auditor.get("/api/audit/Delegation/" + id + "/state?at=" + registeredAt);

        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.json().get("code").asString()).isEqualTo("DID_NOT_EXIST_YET");
        assertThat(at.status()).isEqualTo(200);
        assertThat(at.json().get("state").get("status").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void unknownTypesIdsAndVersionsAreProblemsNotFound() {
        Api.Response type = auditor.get("/api/audit/Spaceship/" + id + "/state");
        Api.Response unknownId = auditor.get("/api/audit/Delegation/DEL-" + UUID.randomUUID() + "/timeline");
        Api.Response version = auditor.get("/api/audit/Delegation/" + id + "/state?version=99");

        assertThat(type.status()).isEqualTo(404);
        assertThat(type.json().get("code").asString()).isEqualTo("AGGREGATE_TYPE_NOT_FOUND");
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.json().get("code").asString()).isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().get("code").asString()).isEqualTo("VERSION_NOT_FOUND");
    }

    @Test
    void aDelegationsStateKeysItsAssignmentsItemsScopeRequestsAndMembersById() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("State shape " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), delegation, "RECEPTION", lifecycle.venue(), null,
                "2027-09-07T18:00", "2027-09-07T20:00");
        String request = lifecycle.desk().post("/api/delegations/" + delegation + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels too\"}").json().get("id").asString();
        Api.Response member = lifecycle.desk().post("/api/delegations/" + delegation + "/members",
                "{\"name\":\"Li Wei\",\"organisation\":\"Jiangsu\",\"contact\":false}");
        assertThat(member.status()).as(member.body()).isEqualTo(201);

        JsonNode state = auditor.get("/api/audit/Delegation/" + delegation + "/state").json().get("state");

        JsonNode lead = state.get("assignments").get("chc");
        assertThat(lead.propertyNames()).containsExactlyInAnyOrder("role", "state", "dueAt");
        assertThat(lead.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(state.get("items").get(item).propertyNames()).containsExactlyInAnyOrder("kind", "title",
                "startsAt", "endsAt",
                "venueId", "hostId", "hostIsHospital", "venueIsHospital", "costCovered", "coverage", "plannedBy");
        assertThat(state.get("items").get(item).get("plannedBy").get("value").asString()).isEqualTo("chc");
        assertThat(state.get("scopeRequests").get(request).propertyNames()).containsExactlyInAnyOrder("themes", "open");
        assertThat(state.get("scopeRequests").get(request).get("open").asBoolean()).isTrue();
        assertThat(state.get("members").isArray()).isTrue();
        assertThat(state.get("members").size()).isEqualTo(1);
        assertThat(state.get("status").asString()).isEqualTo("PROGRAMME_PLANNED");
    }
}
