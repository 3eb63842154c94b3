package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.DelegationEvents.registration;
import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators report outcomes with figures; the figures are shown with the delegation's outcome and become the KPI
 * actuals of the year the requests were received. A figure left out is not reported (absent, counted as 0);
 * completions recorded before figures existed read as reporting 0, and those of revision 2 as they were stored.
 */
@OpeIntegrationTest
class OutcomeFiguresTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventLog log;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportedFiguresAreShownWithTheOutcomeAndBecomeTheKpiActualsOfTheYearOfReceipt() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        int year = ThreadLocalRandom.current().nextInt(2013, 2026);
        String operator = lifecycle.operator("fig", "Figures");
        lifecycle.agreeTargets(operator, year, """
                [{"kind":"COMPANIES_ATTRACTED","target":3},{"kind":"JOBS_CREATED","target":40},
                 {"kind":"TOURISTS","target":500}]""");

        String chinese = confirmedAndLedBy(lifecycle, operator, "CN", "\"originProvince\":\"Jiangsu\",",
                LocalDate.of(year, 3, 1));
        String swedish = confirmedAndLedBy(lifecycle, operator, "SE", "", LocalDate.of(year, 4, 1));

        Api.Response negative = desk.post("/api/delegations/" + chinese + "/completion", """
                {"summary":"Visit","investmentLeads":1,"jobsCreated":-1}""");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(negative.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("jobsCreated");
        ok(desk.post("/api/delegations/" + chinese + "/completion", """
                {"summary":"A factory and a tour operator","investmentLeads":2,"companiesEstablished":1,
                 "jobsCreated":30,"tourists":400,"overnightStays":900}"""));
        ok(desk.post("/api/delegations/" + swedish + "/completion", """
                {"summary":"A sales office","investmentLeads":0,"companiesEstablished":1,"jobsCreated":5,
                 "tourists":50}"""));

        JsonNode outcome = desk.getUntil("/api/delegations/" + chinese,
                r -> r.json().path("outcome").isObject(), Duration.ofSeconds(10)).json().get("outcome");
        assertThat(outcome.get("companiesEstablished").asInt()).isEqualTo(1);
        assertThat(outcome.get("jobsCreated").asInt()).isEqualTo(30);
        assertThat(outcome.get("tourists").asInt()).isEqualTo(400);
        assertThat(outcome.get("overnightStays").asInt()).isEqualTo(900);
        JsonNode swedishOutcome = desk.getUntil("/api/delegations/" + swedish,
                r -> r.json().path("outcome").isObject(), Duration.ofSeconds(10)).json().get("outcome");
        assertThat(swedishOutcome.get("tourists").asInt()).isEqualTo(50);
        assertThat(swedishOutcome.path("overnightStays").isNull() || swedishOutcome.path("overnightStays").isMissingNode())
                .as("not reported is told from 0: " + swedishOutcome).isTrue();
        assertThat(jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id "
                        + "AND payloadtype = :type").param("id", swedish)
                .param("type", DelegationCompletedEvent.class.getName()).query(String.class).single()).isEqualTo("3");

        // The actuals come from the KPI projection, the targets from the operator directory: wait for both. The
        // operator is listed once either has it.
        JsonNode kpis = desk.getUntil("/api/kpis?year=" + year, r -> r.status() == 200
                && r.json().get("operators").valueStream().anyMatch(o -> o.get("operatorId").asString().equals(operator)
                && o.get("actuals").get("programmesDelivered").asLong() == 2 && o.get("targets").size() == 3),
                Duration.ofSeconds(15)).json();
        JsonNode mine = operatorIn(kpis, operator);
        assertThat(mine.get("targets").valueStream().map(t -> t.get("kind").asString() + "=" + t.get("target").asLong()
                + "/" + t.get("actual").asLong()))
                .as("tourists count the delegation from China only")
                .containsExactlyInAnyOrder("COMPANIES_ATTRACTED=3/2", "JOBS_CREATED=40/35", "TOURISTS=500/400");
        assertThat(mine.get("actuals").get("investmentLeads").asLong()).isEqualTo(2);
        assertThat(operatorIn(desk.get("/api/kpis?year=" + (year + 1)).json(), operator).get("actuals")
                .get("programmesDelivered").asLong()).as("received in " + year + ", counted there only").isZero();
    }

    /**
     * DOMAIN: operators report outcomes that feed their KPIs. A supporting operator reports its own, once the lead
     * has completed the visit; reported again, it replaces the earlier report, and its figures count in its KPIs.
     */
    @Test
    void aSupportingOperatorReportsItsOwnOutcomeWhichCountsInItsKpis() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        int year = ThreadLocalRandom.current().nextInt(2013, 2026);
        String lead = lifecycle.operator("lead", "Leading");
        String supporting = lifecycle.operator("sup", "Supporting");
        String id = lifecycle.registeredAndScreened("""
                {"channel":"EMBASSY","requestingOrganisation":"Supported %s","country":"CN","originProvince":"Jiangsu",
                 "delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL","headCount":6,
                 "wishedFrom":"2027-09-06","wishedTo":"2027-09-10","themes":["AUTHORITY_SOIL_WATER"],
                 "purpose":"Study visit","businessOpportunity":"Soil partners","dateReceived":"%s"}"""
                .formatted(UUID.randomUUID(), LocalDate.of(year, 5, 1)));
        ok(desk.post("/api/delegations/" + id + "/routing", """
                {"overrideLead":"%s","overrideSupporting":["%s","woco"],"reason":"Supporting test"}"""
                .formatted(lead, supporting)));
        for (String operator : List.of(lead, supporting, "woco")) {
            ok(desk.post("/api/delegations/" + id + "/assignments/" + operator + "/acceptance", ""));
        }
        lifecycle.item(desk, id, "RECEPTION", lifecycle.venue(), null, "2025-09-08T18:00", "2025-09-08T20:00");
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        String path = "/api/delegations/" + id + "/supporting-outcomes/";
        String report = """
                {"summary":"A partner of ours","investmentLeads":1,"mous":["LoI","MoU"],"jobsCreated":10,"tourists":100}""";

        assertRefused(desk.put(path + supporting, report), 409, "NOT_COMPLETED", null);
        // a supporting operator sees the delegation: it was told the completion did not exist
        assertRefused(new Api(port).as("woco").post("/api/delegations/" + id + "/completion", """
                {"summary":"Not ours","investmentLeads":1}"""), 403, "ONLY_THE_LEAD_COMPLETES", null);
        ok(desk.post("/api/delegations/" + id + "/completion", """
                {"summary":"The visit","investmentLeads":2,"jobsCreated":5}"""));
        assertRefused(desk.put(path + lead, report), 422, "NOT_A_SUPPORTING_OPERATOR", "operatorId");
        assertRefused(desk.put(path + "chc", report), 422, "NOT_A_SUPPORTING_OPERATOR", "operatorId");
        assertRefused(desk.put(path + supporting, """
                {"summary":" ","investmentLeads":-1}"""), 400, "VALIDATION_FAILED", null);
        assertThat(new Api(port).as("woco").put(path + supporting, report).status())
                .as("another operator's report").isEqualTo(404);
        assertThat(new Api(port).as("chc").put(path + "chc", report).status())
                .as("an operator never offered the delegation").isEqualTo(404);
        assertThat(new Api(port).as("auditor").put(path + supporting, report).status()).isEqualTo(403);

        ok(new Api(port).as("woco").put(path + "woco", """
                {"summary":"Our own","investmentLeads":0}"""));
        ok(desk.put(path + supporting, report));
        String corrected = """
                {"summary":"Corrected","investmentLeads":3,"mous":["MoU"],"jobsCreated":12,"tourists":100}""";
        String version = ok(desk.put(path + supporting, corrected)).header("ETag");
        assertThat(ok(desk.put(path + supporting, corrected)).header("ETag")).as("the same report again records nothing")
                .isEqualTo(version);

        JsonNode reports = desk.getUntil("/api/delegations/" + id, r -> r.json().path("supportingOutcomes")
                .valueStream().anyMatch(o -> o.get("summary").asString().equals("Corrected")), Duration.ofSeconds(10))
                .json().get("supportingOutcomes");
        assertThat(reports.valueStream().map(o -> o.get("operatorId").asString() + ":" + o.get("investmentLeads").asInt()))
                .containsExactlyInAnyOrder(supporting + ":3", "woco:0");
        JsonNode kpis = desk.getUntil("/api/kpis?year=" + year, r -> r.status() == 200
                        && r.json().get("operators").valueStream().anyMatch(o -> o.get("operatorId").asString()
                        .equals(supporting) && o.get("actuals").get("investmentLeads").asLong() == 3),
                Duration.ofSeconds(15)).json();
        JsonNode supported = operatorIn(kpis, supporting).get("actuals");
        assertThat(List.of(supported.get("investmentLeads").asLong(), supported.get("mousSigned").asLong(),
                supported.get("jobsCreated").asLong(), supported.get("tourists").asLong(),
                supported.get("programmesDelivered").asLong()))
                .as("the corrected report replaces the first; the programme is the lead's").containsExactly(3L, 1L, 12L,
                        100L, 0L);
        JsonNode led = operatorIn(kpis, lead).get("actuals");
        assertThat(List.of(led.get("investmentLeads").asLong(), led.get("jobsCreated").asLong(),
                led.get("programmesDelivered").asLong())).containsExactly(2L, 5L, 1L);
    }

    /** An operator that declined, or was never offered, reads the delegation as not there: reporting too. */
    @Test
    void anOperatorOffTheDelegationIsToldItIsNotThere() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(dk.greatercph.ope.app.support.Requests.delegation(
                "Off the delegation " + UUID.randomUUID(), "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"TOURISM\"",
                "Tele-health"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("woco").post("/api/delegations/" + id + "/assignments/woco/decline", "{\"reason\":\"Full\"}"));
        String report = "{\"summary\":\"s\",\"investmentLeads\":1}";

        assertThat(lifecycle.as("woco").getUntil("/api/delegations/" + id, r -> r.status() == 404,
                Duration.ofSeconds(5)).status()).isEqualTo(404);
        assertThat(lifecycle.as("woco").put("/api/delegations/" + id + "/supporting-outcomes/woco", report).status())
                .as("declined").isEqualTo(404);
        assertThat(lifecycle.as("copcap").put("/api/delegations/" + id + "/supporting-outcomes/copcap", report)
                .status()).as("never offered").isEqualTo(404);
        assertRefused(lifecycle.desk().put("/api/delegations/" + id + "/supporting-outcomes/woco", report), 422,
                "NOT_A_SUPPORTING_OPERATOR", "operatorId");
    }

    private static void assertRefused(Api.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void aCompletionRecordedBeforeFiguresWereReportedReadsWithEveryNewFigureZero() {
        int year = ThreadLocalRandom.current().nextInt(3000, 4000);
        DelegationId id = DelegationId.newId();
        LocalDate received = LocalDate.of(year, 2, 1);
        log.append("Delegation", id.value(), registration(id, "Old outcome " + id).headCount(4)
                .dates(received.plusMonths(2), received.plusMonths(2).plusDays(3)).received(received)
                .themes(Theme.TOURISM).purpose("Visit").opportunity(null).event());
        String revision1 = """
                {"delegationId":{"value":"%s"},"outcome":{"summary":"Before figures","investmentLeads":2,
                 "companies":["Sino Wind"],"mous":["MoU"],"followUps":[{"operatorId":{"value":"copcap"},"action":"Call"}]}}
                """.formatted(id.value());
        OldRevisions.append(engine, eventSerializer, "Delegation", id.value(), 1,
                DelegationCompletedEvent.class.getName(), "1", revision1.getBytes(StandardCharsets.UTF_8),
                Map.of("actor", "chc", "actorRole", "OPERATOR"));
        assertThat(jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id "
                        + "AND sequencenumber = 1").param("id", id.value()).query(String.class).single()).isEqualTo("1");

        Outcome read = eventStore.readEvents(id.value()).asStream().map(DomainEventMessage::getPayload)
                .filter(DelegationCompletedEvent.class::isInstance).map(DelegationCompletedEvent.class::cast)
                .findFirst().orElseThrow().outcome();
        assertThat(read.summary()).isEqualTo("Before figures");
        assertThat(read.investmentLeads()).isEqualTo(2);
        assertThat(read.companies()).containsExactly("Sino Wind");
        assertThat(read.followUps()).hasSize(1);
        assertThat(List.of(read.companiesEstablished(), read.jobsCreated(), read.tourists(), read.overnightStays()))
                .containsOnly(0);

        Api auditor = new Api(port).as("auditor");
        JsonNode shown = auditor.getUntil("/api/delegations/" + id, r -> r.status() == 200
                && r.json().path("outcome").isObject(), Duration.ofSeconds(10)).json().get("outcome");
        assertThat(shown.get("investmentLeads").asInt()).isEqualTo(2);
        assertThat(shown.get("jobsCreated").asInt()).isZero();
        JsonNode outcomes = auditor.getUntil("/api/reports/annual/" + year, r -> r.status() == 200
                && r.json().get("outcomes").get("completed").asLong() == 1, Duration.ofSeconds(10)).json().get("outcomes");
        assertThat(outcomes.get("investmentLeads").asLong()).isEqualTo(2);
        assertThat(outcomes.get("jobsCreated").asLong()).isZero();
        assertThat(outcomes.get("chineseTourists").asLong()).isZero();
    }

    @Test
    void aCompletionOfRevisionTwoReadsWithItsFiguresAsStored() {
        DelegationId id = DelegationId.newId();
        LocalDate received = LocalDate.of(ThreadLocalRandom.current().nextInt(3000, 4000), 2, 1);
        log.append("Delegation", id.value(), registration(id, "Revision two " + id).headCount(4)
                .dates(received.plusMonths(2), received.plusMonths(2).plusDays(3)).received(received)
                .themes(Theme.TOURISM).purpose("Visit").opportunity(null).event());
        String revision2 = """
                {"delegationId":{"value":"%s"},"outcome":{"summary":"Figures","investmentLeads":1,"companies":[],
                 "mous":[],"followUps":[],"companiesEstablished":0,"jobsCreated":12,"tourists":0,"overnightStays":0}}
                """.formatted(id.value());
        OldRevisions.append(engine, eventSerializer, "Delegation", id.value(), 1,
                DelegationCompletedEvent.class.getName(), "2", revision2.getBytes(StandardCharsets.UTF_8),
                Map.of("actor", "chc", "actorRole", "OPERATOR"));

        Outcome read = eventStore.readEvents(id.value()).asStream().map(DomainEventMessage::getPayload)
                .filter(DelegationCompletedEvent.class::isInstance).map(DelegationCompletedEvent.class::cast)
                .findFirst().orElseThrow().outcome();

        assertThat(List.of(read.companiesEstablished(), read.jobsCreated(), read.tourists(), read.overnightStays()))
                .containsExactly(0, 12, 0, 0);
    }

    /** Registered with the given country and date received, routed to {@code operator} and confirmed by the desk. */
    private static String confirmedAndLedBy(Lifecycle lifecycle, String operator, String country, String province,
                                            LocalDate received) {
        Api desk = lifecycle.desk();
        String id = lifecycle.registeredAndScreened("""
                {"channel":"EMBASSY","requestingOrganisation":"Figures %s","country":"%s",%s
                 "delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL","headCount":6,
                 "wishedFrom":"2027-09-06","wishedTo":"2027-09-10","themes":["AUTHORITY_SOIL_WATER"],
                 "purpose":"Study visit","businessOpportunity":"Soil partners","dateReceived":"%s"}""".formatted(UUID.randomUUID(), country, province, received));
        ok(desk.post("/api/delegations/" + id + "/routing", """
                {"overrideLead":"%s","overrideSupporting":[],"reason":"Figures test"}""".formatted(operator)));
        ok(desk.post("/api/delegations/" + id + "/assignments/" + operator + "/acceptance", ""));
        lifecycle.item(desk, id, "RECEPTION", lifecycle.venue(), null, "2025-09-08T18:00", "2025-09-08T20:00");
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        return id;
    }

    private static JsonNode operatorIn(JsonNode kpis, String operator) {
        return kpis.get("operators").valueStream().filter(o -> o.get("operatorId").asString().equals(operator))
                .findFirst().orElseThrow();
    }
}
