package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.web.support.PageSession;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a desk year showed missing or wrong, through the real application: R3 follows a hospital venue as well
 * as a hospital host, the desk withdraws a delegation whose programme fell through, and approving a scope expansion
 * offers the new theme to its operator (R4).
 */
@OpeIntegrationTest
class DeskYearRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JdbcClient jdbc;

    Lifecycle lifecycle;
    Api desk;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(new Api(port));
        desk = lifecycle.desk();
    }

    private String hospitalVenue() {
        Api.Response created = desk.post("/api/venues",
                "{\"name\":\"Ward " + UUID.randomUUID() + "\",\"capacity\":20,\"kind\":\"HOSPITAL\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode delegation(String id, long atLeast) {
        return desk.getUntil("/api/delegations/" + id + "?minVersion=" + atLeast, r -> r.status() == 200, WAIT).json();
    }

    private static long version(Api.Response response) {
        return Long.parseLong(response.header("ETag").replace("\"", ""));
    }

    @Test
    void aHospitalVisitWithNoHostNamedIsConfirmedOnlyOnceItsCostIsCoveredR3() {
        String id = lifecycle.accepted("R3 venue " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), id, "HOSPITAL_VISIT", hospitalVenue(), null,
                "2027-09-08T10:00:00+02:00", "2027-09-08T11:00:00+02:00");

        Api.Response refused = desk.post("/api/delegations/" + id + "/confirmation", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("COST_COVERAGE_MISSING");
        // registered, screened, routed, two offers, two acceptances, the item, the refusal recorded as an event
        JsonNode planned = delegation(id, 8).get("programme").get(0);
        assertThat(planned.get("itemId").asString()).isEqualTo(item);
        assertThat(planned.get("hostIsHospital").asBoolean()).isFalse();
        assertThat(planned.get("venueIsHospital").asBoolean()).isTrue();
        assertThat(planned.get("needsCostCoverage").asBoolean()).isTrue();

        String covered = ok(desk.post("/api/delegations/" + id + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Jiangsu Health Commission\",\"basis\":\"Agreement 2027-08\",\"amount\":8000}"))
                .header("ETag");
        assertThat(ok(desk.post("/api/delegations/" + id + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Jiangsu Health Commission\",\"basis\":\"Agreement 2027-08\",\"amount\":8000.00}"))
                .header("ETag")).as("the same agreement again records nothing").isEqualTo(covered);
        Api.Response confirmed = ok(desk.post("/api/delegations/" + id + "/confirmation", ""));

        JsonNode view = delegation(id, version(confirmed));
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.get("programme").get(0).get("costCoverage").get("payer").asString())
                .isEqualTo("Jiangsu Health Commission");
    }

    /** The agreement was for the first hospital: moved to another, the item was confirmed on it. */
    @Test
    void anItemMovedToAnotherHospitalNeedsItsOwnCostCoverageR3() {
        String id = lifecycle.accepted("R3 moved " + UUID.randomUUID());
        Api chc = lifecycle.as("chc");
        String item = lifecycle.item(chc, id, "HOSPITAL_VISIT", hospitalVenue(), null,
                "2027-09-08T10:00:00+02:00", "2027-09-08T11:00:00+02:00");
        ok(desk.post("/api/delegations/" + id + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Rigshospitalet agreement\",\"basis\":\"Agreement\",\"amount\":45000}"));

        Api.Response moved = ok(chc.put("/api/delegations/" + id + "/programme-items/" + item, """
                {"kind":"HOSPITAL_VISIT","title":"Item","startsAt":"2027-09-09T10:00:00+02:00",
                 "endsAt":"2027-09-09T11:00:00+02:00","venueId":"%s"}""".formatted(hospitalVenue())));

        JsonNode view = delegation(id, version(moved)).get("programme").get(0);
        assertThat(view.path("costCoverage").isNull() || view.path("costCoverage").isMissingNode()).as(view.toString())
                .isTrue();
        Api.Response refused = desk.post("/api/delegations/" + id + "/confirmation", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("COST_COVERAGE_MISSING");
        assertThat(lifecycle.eventTypes(id)).containsSubsequence("ProgrammeItemChangedEvent",
                "CostCoverageVoidedEvent", "ConfirmationRefusedEvent");

        // a new time at the same place keeps the agreement
        ok(desk.post("/api/delegations/" + id + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Herlev agreement\",\"basis\":\"Agreement\",\"amount\":30000}"));
        String venue = view.get("venue").get("id").asString();
        ok(chc.put("/api/delegations/" + id + "/programme-items/" + item, """
                {"kind":"HOSPITAL_VISIT","title":"Item","startsAt":"2027-09-10T10:00:00+02:00",
                 "endsAt":"2027-09-10T11:00:00+02:00","venueId":"%s"}""".formatted(venue)));
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
    }

    /**
     * A hospital visit by its kind, at a venue registered without a kind (which then is OTHER) and with no host
     * named, was confirmed without cost coverage: R3 looked at the host's and the venue's flags only.
     */
    @Test
    void aHospitalVisitAtAVenueNotMarkedAsAHospitalStillNeedsCostCoverageR3() {
        String id = lifecycle.accepted("R3 by kind " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), id, "HOSPITAL_VISIT", lifecycle.venue(), null,
                "2027-09-10T10:00:00+02:00", "2027-09-10T11:00:00+02:00");

        Api.Response refused = desk.post("/api/delegations/" + id + "/confirmation", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("COST_COVERAGE_MISSING");
        JsonNode planned = delegation(id, 8).get("programme").get(0);
        assertThat(planned.get("venueIsHospital").asBoolean()).isFalse();
        assertThat(planned.get("needsCostCoverage").asBoolean()).isTrue();
        ok(desk.post("/api/delegations/" + id + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Jiangsu Health Commission\",\"basis\":\"Agreement 2027-09\",\"amount\":5000}"));
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
    }

    @Test
    void anItemAtAPlainVenueNeedsNoCostCoverage() {
        String id = lifecycle.accepted("R3 plain " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), lifecycle.partner("COMPANY"),
                "2027-09-08T10:00:00+02:00", "2027-09-08T11:00:00+02:00");

        Api.Response confirmed = ok(desk.post("/api/delegations/" + id + "/confirmation", ""));

        JsonNode item = delegation(id, version(confirmed)).get("programme").get(0);
        assertThat(item.get("venueIsHospital").asBoolean()).isFalse();
        assertThat(item.get("needsCostCoverage").asBoolean()).isFalse();
    }

    @Test
    void programmeItemsRecordedBeforeVenueKindsReadAsNotAtAHospital() {
        String id = lifecycle.accepted("R3 revision one " + UUID.randomUUID());
        String venue = hospitalVenue();
        long next = eventStore.lastSequenceNumberFor(id).orElseThrow() + 1;
        String added = """
                {"delegationId":{"value":"%s"},"itemId":"ITM-old","kind":"MEETING","title":"Ward round",
                 "startsAt":"2027-09-09T08:00:00Z","endsAt":"2027-09-09T09:00:00Z","venueId":{"value":"%s"},
                 "hostId":null,"hostIsHospital":false,"plannedBy":null}
                """.formatted(id, venue);
        String changed = """
                {"delegationId":{"value":"%s"},"itemId":"ITM-old","kind":"MEETING","title":"Ward round",
                 "startsAt":"2027-09-09T09:00:00Z","endsAt":"2027-09-09T10:00:00Z","venueId":{"value":"%s"},
                 "hostId":null,"hostIsHospital":false}
                """.formatted(id, venue);
        OldRevisions.append(engine, eventSerializer, "Delegation", id, next, ProgrammeItemAddedEvent.class.getName(),
                "1", added.getBytes(StandardCharsets.UTF_8), Map.of("actor", "desk", "actorRole", "DESK"));
        OldRevisions.append(engine, eventSerializer, "Delegation", id, next + 1,
                ProgrammeItemChangedEvent.class.getName(), "1", changed.getBytes(StandardCharsets.UTF_8),
                Map.of("actor", "desk", "actorRole", "DESK"));
        assertThat(jdbc.sql("""
                        SELECT payloadrevision FROM domainevententry
                        WHERE aggregateidentifier = :id AND sequencenumber >= :next ORDER BY sequencenumber
                        """).param("id", id).param("next", next).query(String.class).list())
                .containsExactly("1", "1");

        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(id, next).asStream().map(DomainEventMessage::getPayload).forEach(payloads::add);
        assertThat(payloads).hasSize(2);
        assertThat(((ProgrammeItemAddedEvent) payloads.get(0)).venueIsHospital()).isFalse();
        assertThat(((ProgrammeItemAddedEvent) payloads.get(0)).title()).isEqualTo("Ward round");
        assertThat(((ProgrammeItemChangedEvent) payloads.get(1)).venueIsHospital()).isFalse();
        // the aggregate loads from them, and R3 holds them as it did when they were recorded
        Api.Response confirmed = ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        assertThat(version(confirmed)).isEqualTo(next + 2);
        JsonNode item = delegation(id, version(confirmed)).get("programme").get(0);
        assertThat(item.get("venueIsHospital").asBoolean()).isFalse();
        assertThat(item.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void theDeskWithdrawsADelegationWhoseProgrammeFellThrough() {
        int year = ThreadLocalRandom.current().nextInt(2000, 2013);
        String id = lifecycle.registeredAndScreened(Requests.delegation("Withdrawn " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners")
                .replace("\"purpose\"", "\"dateReceived\":\"" + LocalDate.of(year, 6, 1) + "\",\"purpose\""));
        ok(desk.post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", ""));
        String item = lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null,
                "2027-09-10T10:00:00+02:00", "2027-09-10T11:00:00+02:00");
        long notRealisedBefore = withdrawnKpi(year);
        long planned = delegation(id, 6).get("version").asLong();
        assertThat(planned).as("registered, screened, routed, two offers, accepted, one item").isEqualTo(6);

        Api.Response stale = desk.post("/api/delegations/" + id + "/withdrawal",
                "{\"reason\":\"The programme fell through\"}", Map.of("If-Match", "\"" + (planned - 1) + "\""));
        assertThat(stale.status()).isEqualTo(412);
        Api.Response withdrawn = ok(desk.post("/api/delegations/" + id + "/withdrawal",
                "{\"reason\":\"The programme fell through\"}", Map.of("If-Match", "\"" + planned + "\"")));

        JsonNode view = delegation(id, version(withdrawn));
        assertThat(view.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(view.get("closingReason").asString()).isEqualTo("The programme fell through");
        assertThat(lifecycle.eventTypes(id)).endsWith("DelegationWithdrawnEvent", "AssignmentWithdrawnEvent");
        JsonNode copcap = lifecycle.as("copcap").getUntil("/api/operators/copcap/inbox", r -> entry(r.json(), id) != null
                && entry(r.json(), id).get("state").asString().equals("WITHDRAWN"), WAIT).json();
        assertThat(entry(copcap, id).get("state").asString()).as("the unanswered offer ends").isEqualTo("WITHDRAWN");
        JsonNode accepted = entry(lifecycle.as("chc").get("/api/operators/chc/inbox").json(), id);
        assertThat(accepted.get("state").asString()).as("the accepted assignment stays as on cancellation")
                .isEqualTo("ACCEPTED");
        // the inbox listed it among the accepted delegations as if nothing had happened
        assertThat(accepted.get("delegationStatus").asString()).isEqualTo("WITHDRAWN");
        assertThat(PageSession.signedIn(port, "chc").get("/inbox").body())
                .containsPattern("id=\"accepted-" + id + "\"(?s).{0,900}class=\"status closed\">Trukket tilbage<");
        JsonNode schedule = desk.getUntil("/api/schedule?from=2027-09-10&to=2027-09-10", r -> scheduled(r.json(), item)
                != null && scheduled(r.json(), item).get("status").asString().equals("CANCELLED"), WAIT).json();
        assertThat(scheduled(schedule, item).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(desk.getUntil("/api/kpis?year=" + year, r -> withdrawnKpi(r.json()) > notRealisedBefore, WAIT)
                .json().get("desk").get("notRealised").get("WITHDRAWN").asLong()).isEqualTo(notRealisedBefore + 1);
        JsonNode report = desk.getUntil("/api/reports/annual/" + year, r -> r.status() == 200
                && notRealised(r.json(), id) != null, WAIT).json();
        assertThat(notRealised(report, id).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(notRealised(report, id).get("reason").asString()).isEqualTo("The programme fell through");

        Api.Response again = desk.post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"Again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("DELEGATION_CLOSED");
        Api.Response cancelled = desk.post("/api/delegations/" + id + "/cancellation", "{\"reason\":\"Late\"}");
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.json().get("code").asString()).isEqualTo("DELEGATION_CLOSED");
    }

    @Test
    void withdrawingAConfirmedDelegationFreesItsVenueR6() {
        String venue = lifecycle.venue();
        String first = lifecycle.accepted("Booked " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), first, "MEETING", venue, null, "2027-09-11T10:00", "2027-09-11T12:00");
        ok(desk.post("/api/delegations/" + first + "/confirmation", ""));
        String second = lifecycle.accepted("Waiting " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), second, "MEETING", venue, null, "2027-09-11T11:00", "2027-09-11T13:00");
        Api.Response taken = desk.post("/api/delegations/" + second + "/confirmation", "");
        assertThat(taken.json().get("code").asString()).isEqualTo("DOUBLE_BOOKING");

        ok(desk.post("/api/delegations/" + first + "/withdrawal", "{\"reason\":\"Flights cancelled by the host\"}"));

        ok(desk.post("/api/delegations/" + second + "/confirmation", ""));
    }

    @Test
    void aWithdrawalNamesItsReasonAndIsTheDesksAlone() {
        String id = lifecycle.accepted("Withdrawal input " + UUID.randomUUID());

        Api.Response noReason = desk.post("/api/delegations/" + id + "/withdrawal", "{}");
        Api.Response byTheLead = lifecycle.as("chc").post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"x\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(byTheLead.status()).isEqualTo(403);
        assertThat(byTheLead.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void approvingAScopeExpansionOffersTheNewThemeToItsOperatorR4() {
        String id = lifecycle.accepted("R4 offer " + UUID.randomUUID());
        String request = ok(desk.post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\",\"TALENT\"],\"reason\":\"They also want to see hotels and talent\"}"))
                .json().get("id").asString();

        Api.Response approved = ok(desk.post("/api/delegations/" + id + "/scope-expansions/" + request + "/approval", ""));

        assertThat(lifecycle.eventTypes(id)).endsWith("ScopeExpansionApprovedEvent", "AssignmentOfferedEvent");
        JsonNode offer = lifecycle.events(id).get(lifecycle.events(id).size() - 1).get("payload");
        assertThat(offer.get("operatorId").get("value").asString())
                .as("copcap, taking TALENT, is on the delegation already").isEqualTo("woco");
        assertThat(offer.get("role").asString()).isEqualTo("SUPPORTING");
        Api woco = lifecycle.as("woco");
        JsonNode inbox = woco.getUntil("/api/operators/woco/inbox", r -> entry(r.json(), id) != null, WAIT).json();
        assertThat(entry(inbox, id).get("state").asString()).isEqualTo("OFFERED");
        assertThat(entry(inbox, id).get("role").asString()).isEqualTo("SUPPORTING");
        assertThat(entry(inbox, id).get("dueAt").isNull()).isFalse();
        assertThat(woco.getUntil("/api/delegations/" + id + "?minVersion=" + version(approved), r -> r.status() == 200,
                WAIT).status()).as("the offered operator reads the delegation").isEqualTo(200);
        ok(woco.post("/api/delegations/" + id + "/assignments/woco/acceptance", ""));
    }

    @Test
    void aScopeRequestOnAClosedDelegationAnswersDelegationClosedR4() {
        String id = lifecycle.accepted("R4 closed " + UUID.randomUUID());
        ok(desk.post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"Programme fell through\"}"));

        Api.Response refused = desk.post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"More\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("DELEGATION_CLOSED");
    }

    private long withdrawnKpi(int year) {
        return withdrawnKpi(desk.get("/api/kpis?year=" + year).json());
    }

    /** A cancelled or declined delegation's unanswered offer stayed OFFERED in the inbox, answerable only with 409. */
    @Test
    void cancellingOrDecliningWithdrawsTheOffersNobodyAnswered() {
        String cancelled = lifecycle.registeredAndScreened(Requests.delegation("Cancelled offers " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        ok(desk.post("/api/delegations/" + cancelled + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + cancelled + "/assignments/chc/acceptance", ""));
        String declined = lifecycle.registeredAndScreened(Requests.delegation("Declined offers " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        ok(desk.post("/api/delegations/" + declined + "/routing", "{}"));

        ok(desk.post("/api/delegations/" + cancelled + "/cancellation", "{\"reason\":\"Visa refused\"}"));
        ok(desk.post("/api/delegations/" + declined + "/decline", "{\"reason\":\"Out of focus\"}"));

        Api copcap = lifecycle.as("copcap");
        for (String id : List.of(cancelled, declined)) {
            JsonNode inbox = copcap.getUntil("/api/operators/copcap/inbox", r -> entry(r.json(), id) == null
                    || "WITHDRAWN".equals(entry(r.json(), id).get("state").asString()), WAIT).json();
            JsonNode left = entry(inbox, id);
            assertThat(left == null ? "gone" : left.get("state").asString()).as(id).isIn("gone", "WITHDRAWN");
            assertThat(lifecycle.eventTypes(id)).last().isEqualTo("AssignmentWithdrawnEvent");
        }
        assertThat(lifecycle.eventTypes(cancelled)).containsOnlyOnce("AssignmentWithdrawnEvent")
                .as("the accepted assignment stays as it was").contains("AssignmentAcceptedEvent");
    }

    /** A supporting operator that never answered kept an OFFERED offer, overdue for ever, on a completed visit. */
    @Test
    void completingWithdrawsTheSupportingOfferNobodyAnswered() {
        Api desk = lifecycle.desk();
        String id = lifecycle.registeredAndScreened(Requests.receivedOn(Requests.delegation("Completed offers "
                + UUID.randomUUID(), "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"),
                "2025-08-01"));
        ok(desk.post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", ""));
        lifecycle.item(desk, id, "MEETING", lifecycle.venue(), null, "2025-09-08T10:00", "2025-09-08T11:00");
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));

        ok(desk.post("/api/delegations/" + id + "/completion", "{\"summary\":\"Held\",\"investmentLeads\":0}"));

        JsonNode inbox = lifecycle.as("copcap").getUntil("/api/operators/copcap/inbox", r -> entry(r.json(), id) == null
                || "WITHDRAWN".equals(entry(r.json(), id).get("state").asString()), WAIT).json();
        JsonNode left = entry(inbox, id);
        assertThat(left == null ? "gone" : left.get("state").asString()).isIn("gone", "WITHDRAWN");
        assertThat(lifecycle.eventTypes(id)).endsWith("DelegationCompletedEvent", "AssignmentWithdrawnEvent")
                .as("the lead's accepted assignment stays").containsOnlyOnce("AssignmentWithdrawnEvent");
    }

    private static long withdrawnKpi(JsonNode kpis) {
        return kpis.get("desk").get("notRealised").get("WITHDRAWN").asLong();
    }

    private static JsonNode entry(JsonNode inbox, String delegation) {
        return inbox.get("entries").valueStream().filter(e -> e.get("delegationId").asString().equals(delegation))
                .findFirst().orElse(null);
    }

    private static JsonNode scheduled(JsonNode schedule, String item) {
        return schedule.valueStream().filter(e -> e.path("id").asString("").contains(item)).findFirst().orElse(null);
    }

    private static JsonNode notRealised(JsonNode report, String delegation) {
        return report.get("notRealised").get("delegations").valueStream()
                .filter(d -> d.get("delegationId").asString().equals(delegation)).findFirst().orElse(null);
    }
}
