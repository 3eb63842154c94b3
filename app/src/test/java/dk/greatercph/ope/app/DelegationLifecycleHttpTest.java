package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** A delegation from registration to completion through the real application, and each rule's refusal. */
@OpeIntegrationTest
class DelegationLifecycleHttpTest {

    @LocalServerPort
    int port;

    Lifecycle lifecycle;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(new Api(port));
    }

    @Test
    void walksADelegationFromRegistrationToCompletion() {
        String id = lifecycle.accepted("Walk-through " + UUID.randomUUID(), "2025-08-01");
        String venue = lifecycle.venue();
        String hospital = lifecycle.partner("HOSPITAL");
        Api chc = lifecycle.as("chc");
        // a visit that has taken place: a completion reports what it brought
        String visit = lifecycle.item(chc, id, "HOSPITAL_VISIT", venue, hospital, "2025-09-08T10:00:00+02:00",
                "2025-09-08T12:00:00+02:00");
        ok(chc.post("/api/delegations/" + id + "/programme-items/" + visit + "/cost-coverage", """
                {"payer":"Jiangsu Provincial Health Commission","basis":"Agreement 2027-08","amount":45000.00}"""));
        lifecycle.item(lifecycle.desk(), id, "RECEPTION", venue, null, "2025-09-08T18:00", "2025-09-08T20:00");
        Api.Response confirmed = ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));
        Api.Response completed = ok(chc.post("/api/delegations/" + id + "/completion", """
                {"summary":"Two companies will visit Jiangsu","investmentLeads":2,"companies":["Welfare Robotics ApS"],
                 "mous":["MoU on elder-care technology"],"followUps":[{"operatorId":"copcap","action":"Invite the investor"}]}"""));

        assertThat(confirmed.header("ETag")).isEqualTo("\"" + confirmed.json().get("version").asLong() + "\"");
        assertThat(completed.json().get("version").asLong()).isEqualTo(confirmed.json().get("version").asLong() + 1);
        assertThat(lifecycle.eventTypes(id)).containsExactly("DelegationRegisteredEvent", "DelegationScreenedEvent",
                "DelegationRoutedEvent", "AssignmentOfferedEvent", "AssignmentOfferedEvent", "AssignmentAcceptedEvent",
                "AssignmentAcceptedEvent", "ProgrammeItemAddedEvent", "CostCoverageRecordedEvent",
                "ProgrammeItemAddedEvent", "DelegationConfirmedEvent", "DelegationCompletedEvent");
        JsonNode events = lifecycle.events(id);
        JsonNode routed = events.get(2).get("payload");
        assertThat(routed.get("lead").get("value").asString()).isEqualTo("chc");
        assertThat(routed.get("routingVersion").asLong()).isPositive();
        assertThat(routed.get("reason").asString()).contains("HEALTH_WELFARE_TECH -> chc");
        assertThat(events.get(5).get("metaData").get("actor").asString()).isEqualTo("chc");
        assertThat(events.get(5).get("metaData").get("actorRole").asString()).isEqualTo("OPERATOR");
        assertThat(events.valueStream()).allSatisfy(event -> {
            assertThat(event.get("metaData").get("actor").asString()).isNotBlank();
            assertThat(event.get("metaData").get("actorRole").asString()).isNotBlank();
            assertThat(event.get("metaData").get("correlationId").asString()).isNotBlank();
            assertThat(event.get("metaData").get("causationId").asString()).isNotBlank();
        });
    }

    @Test
    void aBusinessOpportunityStatedAfterRegistrationLetsTheRequestBeRoutedR2() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("R2 stated " + UUID.randomUUID(), "BUSINESS",
                "\"INVESTMENT\"", null));
        assertThat(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}").status()).isEqualTo(422);

        Api.Response blank = lifecycle.desk().put("/api/delegations/" + id + "/business-opportunity",
                "{\"businessOpportunity\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("businessOpportunity");
        Api.Response stated = lifecycle.desk().put("/api/delegations/" + id + "/business-opportunity",
                "{\"businessOpportunity\":\"Two companies seek Danish investors\"}");
        assertThat(stated.status()).as(stated.body()).isEqualTo(200);
        Api.Response routed = lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}");
        assertThat(routed.status()).as(routed.body()).isEqualTo(200);

        JsonNode view = lifecycle.desk().get("/api/delegations/" + id + "?minVersion="
                + routed.header("ETag").replace("\"", "")).json();
        assertThat(view.get("businessOpportunity").asString())
                .isEqualTo("Two companies seek Danish investors");
        assertThat(lifecycle.eventTypes(id)).contains("BusinessOpportunityStatedEvent");
        assertThat(lifecycle.as("chc").put("/api/delegations/" + id + "/business-opportunity",
                "{\"businessOpportunity\":\"Mine\"}").status()).isEqualTo(403);
    }

    @Test
    void refusesToRouteABusinessDelegationWithoutABusinessOpportunityR2() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("R2 " + UUID.randomUUID(), "BUSINESS",
                "\"INVESTMENT\"", null));

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("NO_BUSINESS_FOCUS");
        JsonNode last = last(lifecycle.events(id));
        assertThat(last.get("eventType").asString()).isEqualTo("RoutingRefusedEvent");
        assertThat(last.get("payload").get("code").asString()).isEqualTo("NO_BUSINESS_FOCUS");
        assertThat(last.get("metaData").get("actor").asString()).isEqualTo("desk");
    }

    @Test
    void refusesToConfirmAHospitalVisitWithoutCostCoverageR3() {
        String id = lifecycle.accepted("R3 " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), id, "HOSPITAL_VISIT", lifecycle.venue(), lifecycle.partner("HOSPITAL"),
                "2027-09-08T10:00:00+02:00", "2027-09-08T11:00:00+02:00");

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + id + "/confirmation", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("COST_COVERAGE_MISSING");
        JsonNode last = last(lifecycle.events(id));
        assertThat(last.get("eventType").asString()).isEqualTo("ConfirmationRefusedEvent");
        assertThat(last.get("payload").get("itemIds").get(0).asString()).isEqualTo(item);
    }

    @Test
    void aRejectedScopeExpansionIsRecordedAndStaysRejectedR4() {
        String id = lifecycle.accepted("R4 " + UUID.randomUUID());
        Api.Response requested = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"They also want to see hotels\"}");
        assertThat(requested.status()).isEqualTo(201);
        String request = requested.json().get("id").asString();

        ok(lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions/" + request + "/rejection",
                "{\"reason\":\"Depth before breadth\"}"));
        Api.Response approveAfterwards = lifecycle.desk().post(
                "/api/delegations/" + id + "/scope-expansions/" + request + "/approval", "");

        assertThat(approveAfterwards.status()).isEqualTo(409);
        assertThat(approveAfterwards.json().get("code").asString()).isEqualTo("SCOPE_REQUEST_CLOSED");
        JsonNode last = last(lifecycle.events(id));
        assertThat(last.get("eventType").asString()).isEqualTo("ScopeExpansionRejectedEvent");
        assertThat(last.get("payload").get("reason").asString()).isEqualTo("Depth before breadth");
    }

    /** Asked twice, both requests were approved, the second expanding nothing. */
    @Test
    void aThemeAnOpenRequestAsksForIsNotAskedAgainR4() {
        String id = lifecycle.accepted("R4 twice " + UUID.randomUUID());
        String first = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels\"}").json().get("id").asString();

        Api.Response again = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels again\"}");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("SCOPE_REQUEST_PENDING");
        assertThat(again.json().get("detail").asString()).contains(first);
    }

    /** One person under two member ids carried two names, and right of access showed both. */
    @Test
    void onePersonIsOneMember() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Members " + UUID.randomUUID()));
        String person = ok(lifecycle.desk().post("/api/delegations/" + id + "/members", "{\"name\":\"Li Wei\"}"))
                .json().get("personId").asString();

        Api.Response again = lifecycle.desk().post("/api/delegations/" + id + "/members",
                "{\"name\":\"Li Wei 2\",\"personId\":\"" + person + "\"}");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("MEMBER_EXISTS");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("personId");
    }

    @Test
    void scopeExpansionBeforeRoutingIsRefusedR4() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("R4 early " + UUID.randomUUID()));

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"More\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("NOT_ROUTED");
    }

    @Test
    void refusesToConfirmADoubleBookedVenueR6() {
        String venue = lifecycle.venue();
        String first = lifecycle.accepted("R6 first " + UUID.randomUUID());
        String second = lifecycle.accepted("R6 second " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), first, "MEETING", venue, null, "2027-09-09T10:00", "2027-09-09T12:00");
        String clashing = lifecycle.item(lifecycle.as("chc"), second, "MEETING", venue, null, "2027-09-09T11:00",
                "2027-09-09T13:00");
        ok(lifecycle.desk().post("/api/delegations/" + first + "/confirmation", ""));

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + second + "/confirmation", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("DOUBLE_BOOKING");
        JsonNode last = last(lifecycle.events(second));
        assertThat(last.get("eventType").asString()).isEqualTo("ConfirmationRefusedEvent");
        assertThat(last.get("payload").get("itemIds").get(0).asString()).isEqualTo(clashing);
    }

    /** R6 within one programme: two of its own items in one hall at once were confirmed. */
    @Test
    void refusesToConfirmAProgrammeThatBooksAVenueTwiceAtOnceR6() {
        String venue = lifecycle.venue();
        String id = lifecycle.accepted("R6 own " + UUID.randomUUID());
        String first = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2028-03-01T10:00",
                "2028-03-01T12:00");
        String second = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2028-03-01T11:00",
                "2028-03-01T13:00");
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2028-03-01T13:00", "2028-03-01T14:00");

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + id + "/confirmation", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("DOUBLE_BOOKING");
        JsonNode last = last(lifecycle.events(id));
        assertThat(last.get("eventType").asString()).isEqualTo("ConfirmationRefusedEvent");
        assertThat(last.get("payload").get("itemIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(first, second);
    }

    /** Local times the clocks skip or show twice in Copenhagen: the first was moved an hour without a word. */
    @Test
    void aLocalTimeTheClocksSkipOrShowTwiceIsRefusedByField() {
        String id = lifecycle.accepted("DST " + UUID.randomUUID());
        String venue = lifecycle.venue();
        String item = "{\"kind\":\"MEETING\",\"title\":\"DST\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"venueId\":\"" + venue
                + "\"}";
        Api chc = lifecycle.as("chc");

        Api.Response skipped = chc.post("/api/delegations/" + id + "/programme-items",
                item.formatted("2027-03-28T02:30", "2027-03-28T03:30"));
        Api.Response twice = chc.post("/api/delegations/" + id + "/programme-items",
                item.formatted("2027-10-31T01:30", "2027-10-31T02:30"));
        Api.Response withItsOffset = chc.post("/api/delegations/" + id + "/programme-items",
                item.formatted("2027-10-31T01:30", "2027-10-31T02:30+01:00"));

        assertThat(skipped.status()).as(skipped.body()).isEqualTo(400);
        assertThat(skipped.json().get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(skipped.json().get("errors").get(0).get("field").asString()).isEqualTo("startsAt");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
        assertThat(withItsOffset.status()).as(withItsOffset.body()).isEqualTo(201);
        Api.Response backwards = chc.post("/api/delegations/" + id + "/programme-items",
                item.formatted("2027-10-12T11:00", "2027-10-12T10:00"));
        assertThat(backwards.json().get("code").asString()).isEqualTo("INVALID_TIME_SLOT");
        assertThat(backwards.json().get("errors").get(0).get("field").asString())
                .as("the domain's refusals name their field too").isEqualTo("endsAt");
    }

    /** An item ending before it starts was told after its title and venue: the form came back twice. */
    @Test
    void anItemEndingBeforeItStartsIsNamedWithTheOtherFields() {
        String id = lifecycle.accepted("Backwards slot " + UUID.randomUUID());
        Api chc = lifecycle.as("chc");

        Api.Response all = chc.post("/api/delegations/" + id + "/programme-items", "{\"kind\":\"MEETING\",\"title\":\"\","
                + "\"startsAt\":\"2027-04-13T11:00\",\"endsAt\":\"2027-04-13T10:00\",\"venueId\":\"\"}");

        assertThat(all.status()).as(all.body()).isEqualTo(400);
        assertThat(all.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(all.json().get("errors").valueStream().map(e -> e.get("field").asString() + "="
                + e.path("code").asString("-"))).containsExactlyInAnyOrder("title=-", "venueId=-",
                "endsAt=INVALID_TIME_SLOT");
    }

    /** An impossible time was read after the other fields: a form with it and an empty title was told one at a time. */
    @Test
    void anImpossibleTimeIsNamedWithTheOtherFields() {
        String id = lifecycle.accepted("Impossible time " + UUID.randomUUID());
        String venue = lifecycle.venue();
        Api chc = lifecycle.as("chc");

        Api.Response both = chc.post("/api/delegations/" + id + "/programme-items", "{\"kind\":\"MEETING\",\"title\":\"\","
                + "\"startsAt\":\"2027-04-13T25:00\",\"endsAt\":\"2027-04-13T26:00\",\"venueId\":\"" + venue + "\"}");
        Api.Response alone = chc.post("/api/delegations/" + id + "/programme-items", "{\"kind\":\"MEETING\",\"title\":\"T\","
                + "\"startsAt\":\"2027-04-13T25:00\",\"endsAt\":\"2027-04-13T11:00\",\"venueId\":\"" + venue + "\"}");

        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(both.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("title", "startsAt", "endsAt");
        assertThat(alone.status()).as(alone.body()).isEqualTo(400);
        assertThat(alone.json().get("code").asString()).as("alone, the code it had").isEqualTo("INVALID_FIELD");
        assertThat(alone.json().get("detail").asString()).isEqualTo("'startsAt' is not an ISO-8601 date-time.");
        assertThat(lifecycle.eventTypes(id)).noneMatch(type -> type.startsWith("ProgrammeItem"));
    }

    /**
     * A completion reports what the visit brought: not before its programme's last item has started. A preparatory
     * call a year ahead made the visit "begun" (its first item), so it was completed and counted that early.
     */
    @Test
    void aDelegationIsNotCompletedBeforeItsVisitHasTakenPlace() {
        String id = lifecycle.accepted("Too early " + UUID.randomUUID(), "2026-01-05");
        String venue = lifecycle.venue();
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2026-01-06T10:00", "2026-01-06T11:00");
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2099-09-07T10:00", "2099-09-07T11:00");
        lifecycle.item(lifecycle.as("chc"), id, "RECEPTION", venue, null, "2099-09-07T18:00", "2099-09-07T19:00");
        ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));

        Api.Response refused = lifecycle.as("chc").post("/api/delegations/" + id + "/completion",
                "{\"summary\":\"Not yet\",\"investmentLeads\":1}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("VISIT_NOT_BEGUN");
        assertThat(refused.json().get("detail").asString()).contains("2099-09-07");
        assertThat(lifecycle.eventTypes(id)).endsWith("DelegationConfirmedEvent");
    }

    /**
     * An item dated before the request came made the visit "begun": completed years early, its figures counted in the
     * operator's KPIs. No item starts before the day the request was received, added or changed.
     */
    @Test
    void noProgrammeItemStartsBeforeTheRequestWasReceived() {
        String id = lifecycle.accepted("Backdated " + UUID.randomUUID());
        String venue = lifecycle.venue();
        Api chc = lifecycle.as("chc");
        String real = lifecycle.item(chc, id, "MEETING", venue, null, "2099-09-07T10:00", "2099-09-07T11:00");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString();

        Api.Response backdated = chc.post("/api/delegations/" + id + "/programme-items", """
                {"kind":"MEETING","title":"Backdated","startsAt":"2020-01-01T10:00","endsAt":"2020-01-01T11:00",
                 "venueId":"%s"}""".formatted(venue));
        Api.Response moved = chc.put("/api/delegations/" + id + "/programme-items/" + real, """
                {"kind":"MEETING","title":"Item","startsAt":"2020-01-01T10:00","endsAt":"2020-01-01T11:00",
                 "venueId":"%s"}""".formatted(venue));
        Api.Response sameDay = chc.post("/api/delegations/" + id + "/programme-items", """
                {"kind":"MEETING","title":"Today","startsAt":"%sT00:30","endsAt":"%sT01:00","venueId":"%s"}"""
                .formatted(today, today, venue));

        for (Api.Response refused : List.of(backdated, moved)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("ITEM_BEFORE_RECEIPT");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("startsAt");
        }
        assertThat(sameDay.status()).as("the day it was received").isEqualTo(201);
        assertThat(lifecycle.eventTypes(id)).filteredOn(type -> type.startsWith("ProgrammeItem"))
                .containsExactly("ProgrammeItemAddedEvent", "ProgrammeItemAddedEvent");
    }

    /** A follow-up is handed to a registered operator: "nobody" was recorded and counted, as on trips before. */
    @Test
    void aCompletionsFollowUpNamesARegisteredOperator() {
        String id = lifecycle.accepted("Follow-up " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, "2027-11-09T10:00",
                "2027-11-09T11:00");
        ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));

        Api.Response refused = lifecycle.as("chc").post("/api/delegations/" + id + "/completion", """
                {"summary":"Done","investmentLeads":1,"followUps":[{"operatorId":"copcap","action":"Call"},
                 {"operatorId":"nobody","action":"Write"}]}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_OPERATOR");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("followUps[1].operatorId");
    }

    @Test
    void aStaleIfMatchIsPreconditionFailed() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Stale " + UUID.randomUUID()));

        Api.Response stale = lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}", Map.of("If-Match", "\"0\""));
        Api.Response current = lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}", Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).as(current.body()).isEqualTo(200);
    }

    @Test
    void anOperatorActsOnlyOnItsOwnAssignments() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Own " + UUID.randomUUID()));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));

        Api.Response forAnother = lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/copcap/acceptance", "");
        Api.Response notAssigned = lifecycle.as("clean").post("/api/delegations/" + id + "/assignments/clean/acceptance", "");

        assertThat(forAnother.status()).isEqualTo(404);
        assertThat(notAssigned.status()).isEqualTo(404);
        assertThat(notAssigned.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void anOverrideWithoutItsLeadIsRefusedNamingTheLead() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Half override " + UUID.randomUUID()));

        Api.Response refused = lifecycle.desk().post("/api/delegations/" + id + "/routing",
                "{\"overrideSupporting\":[\"woco\"],\"reason\":\"The delegation asked for tourism actors\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("OVERRIDE_LEAD_REQUIRED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("overrideLead");
        assertThat(lifecycle.eventTypes(id)).doesNotContain("DelegationRoutedEvent");
    }

    @Test
    void aDecliningLeadReturnsTheDelegationToTheDeskForReRouting() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Decline " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));

        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/decline", "{\"reason\":\"No capacity\"}"));
        assertThat(lifecycle.eventTypes(id)).as("the supporting offer nobody answered goes back with it")
                .endsWith("AssignmentDeclinedEvent", "AssignmentWithdrawnEvent");
        Api.Response rerouted = lifecycle.desk().post("/api/delegations/" + id + "/routing",
                "{\"overrideLead\":\"copcap\",\"reason\":\"chc has no capacity this month\"}");

        assertThat(rerouted.status()).as(rerouted.body()).isEqualTo(200);
        JsonNode routed = lifecycle.events(id).valueStream()
                .filter(e -> e.get("eventType").asString().equals("DelegationRoutedEvent")).toList().get(1);
        assertThat(routed.get("payload").get("override").asBoolean()).isTrue();
        assertThat(routed.get("payload").get("lead").get("value").asString()).isEqualTo("copcap");
    }

    /** Routed again by the table after its lead declined, the delegation was offered to the same operator again. */
    @Test
    void routingByTheTableAfterADeclineLeavesOutTheOperatorThatDeclined() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Declined, by table " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/decline", "{\"reason\":\"No capacity\"}"));

        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));

        List<JsonNode> events = lifecycle.events(id).valueStream().toList();
        JsonNode routed = events.stream().filter(e -> e.get("eventType").asString().equals("DelegationRoutedEvent"))
                .toList().get(1);
        assertThat(routed.get("payload").get("lead").get("value").asString()).isEqualTo("copcap");
        assertThat(routed.get("payload").get("reason").asString()).endsWith("left out, having declined: chc");
        assertThat(events.subList(events.indexOf(routed), events.size()).stream()
                .filter(e -> e.get("eventType").asString().equals("AssignmentOfferedEvent"))
                .map(e -> e.get("payload").get("operatorId").get("value").asString())).containsExactly("copcap");
    }

    /**
     * A re-routing keeps an operator's accepted assignment in the role it accepted, and withdraws one it leaves out:
     * an accepted supporting assignment went back to OFFERED with a new deadline, and an operator the desk left out
     * kept its accepted assignment and went on planning items.
     */
    @Test
    void aReRoutingKeepsAnAcceptedAssignmentItRepeatsAndWithdrawsOneItLeavesOut() {
        String kept = routedWithCopcapAccepted("Re-routed, kept " + UUID.randomUUID());
        String left = routedWithCopcapAccepted("Re-routed, left out " + UUID.randomUUID());

        ok(lifecycle.desk().post("/api/delegations/" + kept + "/routing",
                "{\"overrideLead\":\"clean\",\"overrideSupporting\":[\"copcap\"],\"reason\":\"chc is away\"}"));
        ok(lifecycle.desk().post("/api/delegations/" + left + "/routing",
                "{\"overrideLead\":\"clean\",\"overrideSupporting\":[],\"reason\":\"Only clean\"}"));

        assertThat(afterSecondRouting(kept)).containsExactly("AssignmentWithdrawnEvent chc", "DelegationRoutedEvent",
                "AssignmentOfferedEvent clean");
        assertThat(afterSecondRouting(left)).containsExactly("AssignmentWithdrawnEvent chc",
                "AssignmentWithdrawnEvent copcap", "DelegationRoutedEvent", "AssignmentOfferedEvent clean");
        Api.Response planned = lifecycle.as("copcap").post("/api/delegations/" + left + "/programme-items",
                "{\"kind\":\"MEETING\",\"title\":\"After\",\"startsAt\":\"2027-09-20T10:00\","
                        + "\"endsAt\":\"2027-09-20T11:00\",\"venueId\":\"" + lifecycle.venue() + "\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(404);
    }

    /**
     * The same routing sent again (a double submit, a retry without its key) while its offers are open changes
     * nothing: it withdrew every offer and made it anew, its deadline begun again. Routed again with an override, or
     * after an escalation, it re-routes as before.
     */
    @Test
    void theSameRoutingSentAgainWhileItsOffersAreOpenRecordsNothing() {
        String id = routedWithCopcapAccepted("Routed twice " + UUID.randomUUID());
        int before = lifecycle.eventTypes(id).size();

        Api.Response again = lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(lifecycle.eventTypes(id)).as("nothing recorded").hasSize(before);
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing",
                "{\"overrideLead\":\"chc\",\"overrideSupporting\":[\"copcap\"],\"reason\":\"As the table, said\"}"));
        assertThat(afterSecondRouting(id)).containsExactly("AssignmentWithdrawnEvent chc", "DelegationRoutedEvent",
                "AssignmentOfferedEvent chc");
    }

    /** An operator on the delegation by an approved scope expansion saw its own items as anonymous blocks. */
    @Test
    void anOperatorAddedByAScopeExpansionSeesItsItemsInTheScheduleR4() {
        String id = lifecycle.accepted("R4 schedule " + UUID.randomUUID());
        String request = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels too\"}").json().get("id").asString();
        ok(lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions/" + request + "/approval", ""));
        ok(lifecycle.as("woco").post("/api/delegations/" + id + "/assignments/woco/acceptance", ""));
        lifecycle.item(lifecycle.as("woco"), id, "MEETING", lifecycle.venue(), null, "2027-10-12T10:00",
                "2027-10-12T11:00");

        java.util.function.Predicate<Api.Response> shown = r -> r.json().valueStream()
                .anyMatch(e -> id.equals(e.path("delegationId").asString(null)));
        Api.Response ownSchedule = lifecycle.as("woco").getUntil("/api/schedule?from=2027-10-12&to=2027-10-12",
                shown, java.time.Duration.ofSeconds(10));
        assertThat(shown.test(ownSchedule)).as(ownSchedule.body()).isTrue();
        Api.Response byOperator = lifecycle.desk().get("/api/schedule?from=2027-10-12&to=2027-10-12&operator=woco");
        assertThat(shown.test(byOperator)).as(byOperator.body()).isTrue();
    }

    private String routedWithCopcapAccepted(String organisation) {
        String id = lifecycle.registeredAndScreened(Requests.delegation(organisation, "ADMINISTRATIVE",
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("copcap").post("/api/delegations/" + id + "/assignments/copcap/acceptance", ""));
        return id;
    }

    /** The events from the one before the second routing on, as "type operator". */
    private java.util.List<String> afterSecondRouting(String id) {
        java.util.List<String> events = lifecycle.events(id).valueStream()
                .map(e -> e.get("eventType").asString() + (e.get("payload").has("operatorId")
                        ? " " + e.get("payload").get("operatorId").get("value").asString() : ""))
                .toList();
        int accepted = events.lastIndexOf("AssignmentAcceptedEvent copcap");
        return events.subList(accepted + 1, events.size());
    }

    @Test
    void aRoutingEventKeepsTheRoutingVersionItWasDecidedBy() {
        String earlier = lifecycle.registeredAndScreened(Requests.delegation("Version A " + UUID.randomUUID(),
                "BUSINESS", "\"TOURISM\"", "Hotel investment"));
        ok(lifecycle.desk().post("/api/delegations/" + earlier + "/routing", "{}"));
        long before = routingVersion(earlier);

        String code = "rv-" + UUID.randomUUID().toString().substring(0, 8);
        ok(lifecycle.desk().post("/api/operators", "{\"code\":\"" + code + "\",\"name\":\"Soil " + code + "\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}"));
        ok(lifecycle.desk().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/operators/" + code + "/themes"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"themes\":[\"AUTHORITY_HEALTH\"]}")), Map.of()));
        String later = lifecycle.registeredAndScreened(Requests.delegation("Version B " + UUID.randomUUID(),
                "BUSINESS", "\"TOURISM\"", "Hotel investment"));
        ok(lifecycle.desk().post("/api/delegations/" + later + "/routing", "{}"));

        assertThat(routingVersion(later)).isGreaterThanOrEqualTo(before + 2);
        assertThat(routingVersion(earlier)).isEqualTo(before);
    }

    private long routingVersion(String delegation) {
        return lifecycle.events(delegation).valueStream()
                .filter(e -> e.get("eventType").asString().equals("DelegationRoutedEvent"))
                .findFirst().orElseThrow().get("payload").get("routingVersion").asLong();
    }

    private static JsonNode last(JsonNode events) {
        return events.get(events.size() - 1);
    }
}
