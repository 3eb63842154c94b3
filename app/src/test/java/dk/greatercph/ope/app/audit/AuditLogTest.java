package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The global event log, filtered by time, aggregate, type and actor, paged by a stable cursor. */
@OpeIntegrationTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    Configuration axon;

    @Test
    void filtersByTimeRangeWithFromInclusiveAndToExclusive() {
        String id = register("Time range");
        Api auditor = new Api(port).as("auditor");
        Instant at = Instant.parse(auditor.get("/api/audit/events?aggregateId=" + id).json()
                .get("items").get(0).get("timestamp").asString());

        assertThat(count(auditor, "aggregateId=" + id + "&from=" + at)).isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&to=" + at)).isZero();
        assertThat(count(auditor, "aggregateId=" + id + "&from=" + at.minusMillis(1) + "&to=" + at.plusMillis(1)))
                .isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&from=" + at.plusMillis(1))).isZero();
    }

    @Test
    void filtersByAggregateTypeEventTypeAndActor() {
        String id = register("Filters");
        Api auditor = new Api(port).as("auditor");

        assertThat(count(auditor, "aggregateId=" + id + "&aggregateType=Delegation")).isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&aggregateType=Trip")).isZero();
        assertThat(count(auditor, "aggregateId=" + id + "&aggregateType=delegation"))
                .as("ignoring case, as the timeline's path does").isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&type=DelegationRegisteredEvent")).isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&actor=desk")).isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&actor=Desk")).as("user names ignoring case").isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&type=delegationRegistered"))
                .as("ignoring case, without Event").isEqualTo(1);
        assertThat(count(auditor, "aggregateId=" + id + "&actor=auditor")).isZero();
        assertThat(count(auditor, "aggregateId=" + id + "&actor=&type=")).as("empty filters are no filters")
                .isEqualTo(count(auditor, "aggregateId=" + id));
        JsonNode byActor = auditor.get("/api/audit/events?actor=desk&aggregateType=Delegation&limit=50")
                .json().get("items");
        assertThat(byActor.valueStream()).allSatisfy(event -> {
            assertThat(event.get("metaData").get("actor").asString()).isEqualTo("desk");
            assertThat(event.get("aggregateType").asString()).isEqualTo("Delegation");
        });
    }

    @Test
    void pagesWithACursorOnThePosition() {
        String first = register("Paging one");
        String second = register("Paging two");
        Api auditor = new Api(port).as("auditor");
        long before = auditor.get("/api/audit/events?aggregateId=" + first).json()
                .get("items").get(0).get("position").asLong() - 1;

        List<String> seen = new ArrayList<>();
        String after = Long.toString(before);
        for (int page = 0; page < 2; page++) {
            JsonNode body = auditor.get("/api/audit/events?aggregateType=Delegation&limit=1&after=" + after).json();
            seen.add(body.get("items").get(0).get("aggregateId").asString());
            after = body.get("next").asString();
        }

        assertThat(seen).containsExactly(first, second);
    }

    @Test
    void aTimeThatIsNotIsoWithOffsetIsABadRequestNamingTheParameter() {
        Api.Response response = new Api(port).as("auditor").get("/api/audit/events?from=yesterday");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    /** A mistyped name answered an empty page, which an auditor read as "nothing of the kind happened". */
    @Test
    void aNameNoTypeHasIsRefusedNamingItsFilter() {
        Api auditor = new Api(port).as("auditor");
        for (String[] refused : new String[][]{{"type=Registered", "type", "UNKNOWN_EVENT_TYPE"},
                {"type=DelegationRegisteredEvents", "type", "UNKNOWN_EVENT_TYPE"},
                {"type=%25Event", "type", "UNKNOWN_EVENT_TYPE"},
                {"aggregateType=Delegations", "aggregateType", "UNKNOWN_AGGREGATE_TYPE"},
                {"aggregateType=Person", "aggregateType", "UNKNOWN_AGGREGATE_TYPE"}}) {
            Api.Response response = auditor.get("/api/audit/events?" + refused[0]);

            assertThat(response.status()).as(refused[0]).isEqualTo(400);
            assertThat(response.json().get("code").asString()).as(refused[0]).isEqualTo(refused[2]);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(refused[1]);
        }
        assertThat(auditor.get("/api/audit/events?limit=1&type=dk.greatercph.ope.events.trip.TripPlannedEvent").status())
                .as("the qualified name").isEqualTo(200);
        assertThat(auditor.get("/api/audit/events?limit=1&type=PersonalDataErased").status())
                .as("an event no aggregate records").isEqualTo(200);
    }

    /** The types the filter knows are the aggregate types Axon records events for, no more and no fewer. */
    @Test
    void theAggregateTypesTheFilterKnowsAreAxonsAggregates() {
        List<String> configured = new ArrayList<>();
        axon.findModules(AggregateConfiguration.class)
                .forEach(aggregate -> configured.add(aggregate.aggregateType().getSimpleName()));
        String detail = new Api(port).as("auditor").get("/api/audit/events?aggregateType=None").json()
                .get("detail").asString();

        assertThat(detail).endsWith("the types are " + String.join(", ", configured.stream().sorted().toList()) + ".");
    }

    private String register(String organisation) {
        return new Api(port).as("desk").post("/api/delegations", Requests.delegation(organisation + " " + UUID.randomUUID()))
                .json().get("id").asString();
    }

    private static int count(Api api, String query) {
        return api.get("/api/audit/events?" + query).json().get("items").size();
    }
}
