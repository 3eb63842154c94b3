package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.ConfirmationRefusedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageRecordedEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dk.greatercph.ope.app.support.DelegationEvents.COPENHAGEN;
import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.at;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.offeredLead;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static dk.greatercph.ope.app.support.DelegationEvents.screened;
import static org.assertj.core.api.Assertions.assertThat;

/** The desk's board and one delegation's full view follow the whole lifecycle, as the events tell it. */
@OpeIntegrationTest
class DelegationViewTest {

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventLog log;
    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    @Test
    void theFullViewShowsProgrammeAssignmentsScopeRoutingRefusalsAndOutcome() {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        VenueId venue = VenueId.newId();
        PartnerId hospital = PartnerId.newId();
        log.append("Venue", venue.value(), new VenueRegisteredEvent(venue, "Rigshospitalet auditorium", "Blegdamsvej 9", 80));
        log.append("Partner", hospital.value(), new PartnerRegisteredEvent(hospital, "Rigshospitalet", PartnerKind.HOSPITAL, true));
        // The programme shows venue and host names from another projection (reference-names): wait for them.
        assertThat(desk.getUntil("/api/venues", r -> r.body().contains(venue.value()), Duration.ofSeconds(10)).body())
                .contains(venue.value());
        assertThat(desk.getUntil("/api/partners", r -> r.body().contains(hospital.value()), Duration.ofSeconds(10))
                .body()).contains(hospital.value());
        Instant overdue = Instant.now().minus(1, ChronoUnit.HOURS);
        log.append("Delegation", id.value(),
                registered(id, "Wuxi Health Bureau", day, day.plusDays(2), Theme.HEALTH_WELFARE_TECH),
                screened(id, true),
                new RoutingRefusedEvent(id, "NO_BUSINESS_OPPORTUNITY", "No business opportunity stated"),
                routed(id, "chc", "clean"),
                offeredLead(id, "chc"),
                offered(id, "clean", AssignmentRole.SUPPORTING, overdue),
                accepted(id, "chc", AssignmentRole.LEAD));
        assertThat(status(id)).isEqualTo("ACCEPTED");

        log.append("Delegation", id.value(),
                new ProgrammeItemAddedEvent(id, "ITM-1", ProgrammeItemKind.HOSPITAL_VISIT, "Ward visit",
                        at(day, 10, 0), at(day, 12, 0), venue, hospital, true, new OperatorId("chc"), false),
                new ScopeExpansionRequestedEvent(id, "SCP-1", List.of(Theme.INVESTMENT), "Investors joined"),
                new ScopeExpansionRequestedEvent(id, "SCP-2", List.of(Theme.TOURISM), "Sightseeing"),
                new ScopeExpansionApprovedEvent(id, "SCP-1", List.of(Theme.INVESTMENT)),
                new ScopeExpansionRejectedEvent(id, "SCP-2", "Depth before breadth"),
                new ConfirmationRefusedEvent(id, "NO_COST_COVERAGE", "Hospital visit without cost coverage", List.of("ITM-1")),
                new CostCoverageRecordedEvent(id, "ITM-1", "Wuxi Health Bureau", "Fixed fee", new BigDecimal("25000.00"), "DKK"));
        assertThat(status(id)).isEqualTo("PROGRAMME_PLANNED");

        log.append("Delegation", id.value(), new DelegationConfirmedEvent(id));
        JsonNode confirmed = detail(id, log.version(id.value()));
        assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("programme").get(0).get("status").asString()).isEqualTo("CONFIRMED");

        log.append("Delegation", id.value(), new DelegationCompletedEvent(id, new Outcome("Two pilots agreed", 2,
                List.of("Sino Health"), List.of("MoU on tele-health"), List.of(new Outcome.FollowUp(new OperatorId("copcap"), "Investor visit")))));
        JsonNode view = detail(id, log.version(id.value()));

        assertThat(view.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.get("repeatRequest").asBoolean()).isTrue();
        assertThat(view.get("leadOperator").asString()).isEqualTo("chc");
        assertThat(view.get("supportingOperators").get(0).asString()).isEqualTo("clean");
        assertThat(view.get("themes").valueStream().map(JsonNode::asString)).containsExactly("HEALTH_WELFARE_TECH", "INVESTMENT");
        assertThat(view.get("routing").get("version").asLong()).isEqualTo(3);
        assertThat(view.get("routing").get("override").asBoolean()).isFalse();

        JsonNode programme = view.get("programme").get(0);
        assertThat(programme.get("itemId").asString()).isEqualTo("ITM-1");
        assertThat(programme.get("kind").asString()).isEqualTo("HOSPITAL_VISIT");
        assertThat(programme.get("startsAt").asString()).isEqualTo(day + "T10:00:00"
                + at(day, 10, 0).atZone(COPENHAGEN).getOffset());
        assertThat(programme.get("venue").get("name").asString()).isEqualTo("Rigshospitalet auditorium");
        assertThat(programme.get("host").get("name").asString()).isEqualTo("Rigshospitalet");
        assertThat(programme.get("hostIsHospital").asBoolean()).isTrue();
        assertThat(programme.get("costCoverage").get("amount").decimalValue()).isEqualByComparingTo("25000");

        JsonNode assignments = view.get("assignments");
        assertThat(assignments.get(0).get("operatorId").asString()).isEqualTo("chc");
        assertThat(assignments.get(0).get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(assignments.get(0).get("overdue").asBoolean()).isFalse();
        assertThat(assignments.get(1).get("operatorId").asString()).isEqualTo("clean");
        assertThat(assignments.get(1).get("state").asString()).isEqualTo("OFFERED");
        assertThat(assignments.get(1).get("overdue").asBoolean()).isTrue();

        assertThat(view.get("scopeRequests").get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(view.get("scopeRequests").get(1).get("state").asString()).isEqualTo("REJECTED");
        assertThat(view.get("scopeRequests").get(1).get("decisionReason").asString()).isEqualTo("Depth before breadth");
        assertThat(view.get("refusals").valueStream().map(r -> r.get("kind").asString() + ":" + r.get("code").asString()))
                .containsExactly("ROUTING:NO_BUSINESS_OPPORTUNITY", "CONFIRMATION:NO_COST_COVERAGE");
        assertThat(view.get("outcome").get("investmentLeads").asInt()).isEqualTo(2);
        assertThat(view.get("outcome").get("followUps").get(0).get("operatorId").asString()).isEqualTo("copcap");
    }

    @Test
    void aLeadDeclineBackToTheDeskReturnsTheDelegationToScreeningAndHidesItFromTheOperator() {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        Api chc = new Api(port).as("chc");
        log.append("Delegation", id.value(), registered(id, "Suzhou Park", day, day, Theme.HEALTH_WELFARE_TECH),
                screened(id, false), routed(id, "chc"), offeredLead(id, "chc"));
        assertThat(chc.getUntil("/api/delegations/" + id + "?minVersion=" + log.version(id.value()),
                r -> r.status() == 200, Duration.ofSeconds(10)).status()).isEqualTo(200);
        assertThat(new Api(port).as("clean").get("/api/delegations/" + id).status()).isEqualTo(404);

        log.append("Delegation", id.value(), new AssignmentDeclinedEvent(id, new OperatorId("chc"), AssignmentRole.LEAD,
                "No capacity", true));
        JsonNode view = detail(id, log.version(id.value()));

        assertThat(view.get("status").asString()).isEqualTo("SCREENED");
        assertThat(view.get("leadOperator").isNull()).isTrue();
        assertThat(view.get("assignments").get(0).get("state").asString()).isEqualTo("DECLINED");
        assertThat(view.get("assignments").get(0).get("reason").asString()).isEqualTo("No capacity");
        assertThat(chc.get("/api/delegations/" + id).status()).isEqualTo(404);
    }

    @Test
    void anEscalatedAssignmentStaysVisibleToItsOperatorAndShowsOverdue() {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        Instant due = Instant.now().minus(2, ChronoUnit.HOURS);
        log.append("Delegation", id.value(), registered(id, "Nantong Port", day, day, Theme.GREEN_GROWTH),
                routed(id, "clean"), offered(id, "clean", AssignmentRole.LEAD, due),
                new AssignmentEscalatedEvent(id, new OperatorId("clean"), due));

        Api.Response asClean = new Api(port).as("clean").getUntil("/api/delegations/" + id + "?minVersion=3",
                r -> r.status() == 200, Duration.ofSeconds(10));

        assertThat(asClean.status()).isEqualTo(200);
        JsonNode assignment = asClean.json().get("assignments").get(0);
        assertThat(assignment.get("state").asString()).isEqualTo("ESCALATED");
        assertThat(assignment.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void theBoardFiltersByStatusOperatorThemeWishedDatesAndText() {
        String tag = "Filter" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = randomFutureDay();
        DelegationId green = DelegationId.newId();
        DelegationId health = DelegationId.newId();
        log.append("Delegation", green.value(), registered(green, tag + " Changzhou Water", day, day.plusDays(3),
                Theme.GREEN_GROWTH), routed(green, "clean"), offeredLead(green, "clean"));
        log.append("Delegation", health.value(), registered(health, tag + " Yangzhou Clinic", day.plusDays(10),
                day.plusDays(12), Theme.HEALTH_WELFARE_TECH));
        detail(green, 2);
        detail(health, 0);

        assertThat(ids("?q=" + tag.toLowerCase())).containsExactlyInAnyOrder(green.value(), health.value());
        assertThat(ids("?q=" + tag + "&status=ROUTED")).containsExactly(green.value());
        assertThat(ids("?q=" + tag + "&operator=clean")).containsExactly(green.value());
        assertThat(ids("?q=" + tag + "&operator=")).as("an empty operator filter is no filter, as an empty q is")
                .containsExactlyInAnyOrder(green.value(), health.value());
        assertThat(ids("?q=" + tag + "&operator=CLEAN")).as("operator codes are lower case")
                .containsExactly(green.value());
        assertThat(ids("?q=" + tag + "&theme=HEALTH_WELFARE_TECH")).containsExactly(health.value());
        assertThat(ids("?q=" + tag + "&from=" + day.plusDays(5))).containsExactly(health.value());
        assertThat(ids("?q=" + tag + "&to=" + day.plusDays(5))).containsExactly(green.value());
        assertThat(ids("?q=" + tag + "&from=" + day.plusDays(3) + "&to=" + day.plusDays(10)))
                .containsExactlyInAnyOrder(green.value(), health.value());
        assertThat(desk.get("/api/delegations?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void aReadWaitsForTheVersionTheClientAsksFor() throws Exception {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        log.append("Delegation", id.value(), registered(id, "Taizhou Pharma", day, day, Theme.HEALTH_WELFARE_TECH));

        CompletableFuture<Api.Response> waiting = CompletableFuture.supplyAsync(
                () -> desk.get("/api/delegations/" + id + "?minVersion=1"));
        Api.sleep(300);
        log.append("Delegation", id.value(), screened(id, false));
        Api.Response reached = waiting.get();

        assertThat(reached.status()).isEqualTo(200);
        assertThat(reached.header("ETag")).isEqualTo("\"1\"");
        assertThat(reached.json().get("status").asString()).isEqualTo("SCREENED");

        Api.Response behind = desk.get("/api/delegations/" + id + "?minVersion=7");
        assertThat(behind.status()).isEqualTo(409);
        assertThat(behind.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
    }

    /**
     * A delegation the API had just acknowledged was answered 404 "No such resource" with ?minVersion= while its
     * board was being replayed (the replay outlasted the 5 s wait): the view cannot yet tell, so it says it is behind.
     * An id the view does not have once it has handled everything recorded before the request is still 404.
     */
    @Test
    void aReadWhileTheBoardHasNotReachedTheRequestIsBehindNotNotFound() {
        StreamingEventProcessor board = processing.eventProcessor("delegation-board", StreamingEventProcessor.class)
                .orElseThrow();
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        board.shutDown();
        Api.Response behind;
        Api.Response plain;
        try {
            log.append("Delegation", id.value(), registered(id, "Held back board", day, day, Theme.TOURISM));
            behind = desk.get("/api/delegations/" + id + "?minVersion=0");
            // a plain read, without minVersion, was answered 404 during a replay of the board
            plain = desk.get("/api/delegations/" + id);
        } finally {
            board.start();
        }
        assertThat(behind.status()).as(behind.body()).isEqualTo(409);
        assertThat(behind.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
        assertThat(plain.status()).as(plain.body()).isEqualTo(409);
        assertThat(plain.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
        assertThat(desk.get("/api/delegations/" + id + "?minVersion=0").status()).isEqualTo(200);
        Api.Response unknown = desk.get("/api/delegations/" + DelegationId.newId() + "?minVersion=0");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(desk.get("/api/delegations/" + DelegationId.newId()).status())
                .as("a running board answers an unknown id at once").isEqualTo(404);
    }

    private List<String> ids(String query) {
        Api.Response page = desk.get("/api/delegations" + query);
        assertThat(page.status()).as(query).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private String status(DelegationId id) {
        return detail(id, log.version(id.value())).get("status").asString();
    }

    private JsonNode detail(DelegationId id, long version) {
        Api.Response response = desk.get("/api/delegations/" + id + "?minVersion=" + version);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
