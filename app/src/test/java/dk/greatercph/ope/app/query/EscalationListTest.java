package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dk.greatercph.ope.app.support.DelegationEvents.COPENHAGEN;
import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R5, the desk's escalations: every escalated assignment and every offer past its due time, across operators, on
 * delegations still open, most overdue first, each with the desk's next step; answered, not yet due and closed
 * cases are not in it.
 */
@OpeIntegrationTest
class EscalationListTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;
    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    @Test
    void listsEscalatedAndOverdueAssignmentsMostOverdueFirstWithTheNextStep() {
        LocalDate day = randomFutureDay();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant longAgo = now.minus(5, ChronoUnit.DAYS);
        DelegationId escalated = DelegationId.newId();
        log.append("Delegation", escalated.value(), registered(escalated, "Wuxi Escalated", day, day.plusDays(2),
                Theme.GREEN_GROWTH), routed(escalated, "clean", "chc"),
                offered(escalated, "clean", AssignmentRole.LEAD, longAgo),
                offered(escalated, "chc", AssignmentRole.SUPPORTING, longAgo.plus(1, ChronoUnit.HOURS)));
        log.appendAt("Delegation", escalated.value(), longAgo.plus(1, ChronoUnit.MINUTES),
                new AssignmentEscalatedEvent(escalated, new OperatorId("clean"), longAgo));
        log.appendAt("Delegation", escalated.value(), longAgo.plus(61, ChronoUnit.MINUTES),
                new AssignmentEscalatedEvent(escalated, new OperatorId("chc"), longAgo.plus(1, ChronoUnit.HOURS)));
        DelegationId overdue = DelegationId.newId();
        log.append("Delegation", overdue.value(), registered(overdue, "Wuxi Overdue", day, day, Theme.GREEN_GROWTH),
                routed(overdue, "chc"), offered(overdue, "chc", AssignmentRole.LEAD, now.minus(2, ChronoUnit.HOURS)));
        DelegationId notYetDue = DelegationId.newId();
        log.append("Delegation", notYetDue.value(), registered(notYetDue, "Wuxi Not Due", day, day, Theme.GREEN_GROWTH),
                routed(notYetDue, "clean"), offered(notYetDue, "clean", AssignmentRole.LEAD, now.plus(3, ChronoUnit.DAYS)));
        DelegationId answeredLate = DelegationId.newId();
        log.append("Delegation", answeredLate.value(), registered(answeredLate, "Wuxi Answered", day, day,
                Theme.GREEN_GROWTH), routed(answeredLate, "clean"),
                offered(answeredLate, "clean", AssignmentRole.LEAD, longAgo), accepted(answeredLate, "clean",
                        AssignmentRole.LEAD));
        DelegationId closed = DelegationId.newId();
        log.append("Delegation", closed.value(), registered(closed, "Wuxi Closed", day, day, Theme.GREEN_GROWTH),
                routed(closed, "copcap"), offered(closed, "copcap", AssignmentRole.LEAD, longAgo),
                new AssignmentEscalatedEvent(closed, new OperatorId("copcap"), longAgo),
                new DelegationDeclinedEvent(closed, "No longer wanted"));
        for (DelegationId id : List.of(escalated, overdue, notYetDue, answeredLate, closed)) {
            assertThat(desk.get("/api/delegations/" + id + "?minVersion=" + log.version(id.value())).status())
                    .isEqualTo(200);
        }

        List<JsonNode> all = allPages(desk, 7);
        List<String> ours = all.stream().map(e -> e.get("delegation").get("id").asString() + "/"
                        + e.get("operatorId").asString())
                .filter(key -> key.startsWith(escalated.value()) || key.startsWith(overdue.value())
                        || key.startsWith(notYetDue.value()) || key.startsWith(answeredLate.value())
                        || key.startsWith(closed.value()))
                .toList();
        assertThat(ours).containsExactly(escalated + "/clean", escalated + "/chc", overdue + "/chc");

        JsonNode lead = entry(all, escalated, "clean");
        assertThat(lead.get("delegation").get("organisation").asString()).isEqualTo("Wuxi Escalated");
        assertThat(lead.get("delegation").get("wishedFrom").asString()).isEqualTo(day.toString());
        assertThat(lead.get("delegation").get("wishedTo").asString()).isEqualTo(day.plusDays(2).toString());
        assertThat(lead.get("role").asString()).isEqualTo("LEAD");
        assertThat(lead.get("state").asString()).isEqualTo("ESCALATED");
        assertThat(OffsetDateTime.parse(lead.get("dueAt").asString()))
                .as("in Copenhagen, with its offset").isEqualTo(OffsetDateTime.ofInstant(longAgo, COPENHAGEN));
        assertThat(OffsetDateTime.parse(lead.get("escalatedAt").asString()).toInstant())
                .isEqualTo(longAgo.plus(1, ChronoUnit.MINUTES));
        assertThat(OffsetDateTime.parse(lead.get("offeredAt").asString()).getOffset())
                .isEqualTo(COPENHAGEN.getRules().getOffset(OffsetDateTime.parse(lead.get("offeredAt").asString())
                        .toInstant()));
        assertThat(lead.get("overdueMinutes").asLong()).isGreaterThanOrEqualTo(5 * 24 * 60);
        assertThat(Duration.parse(lead.get("overdueFor").asString()).toMinutes())
                .isEqualTo(lead.get("overdueMinutes").asLong());
        assertThat(lead.get("nextStep").get("text").asString()).contains("Re-route", "call the operator");
        assertThat(lead.get("nextStep").get("method").asString()).isEqualTo("POST");
        assertThat(lead.get("nextStep").get("path").asString()).isEqualTo("/api/delegations/" + escalated + "/routing");
        assertThat(entry(all, escalated, "chc").get("role").asString()).isEqualTo("SUPPORTING");
        assertThat(entry(all, escalated, "chc").get("nextStep").get("text").asString()).contains("re-route");

        JsonNode offeredOnly = entry(all, overdue, "chc");
        assertThat(offeredOnly.get("state").asString()).isEqualTo("OFFERED");
        assertThat(offeredOnly.path("escalatedAt").isMissingNode() || offeredOnly.get("escalatedAt").isNull()).isTrue();
        assertThat(offeredOnly.get("overdueMinutes").asLong()).isBetween(119L, 24 * 60L);
        assertThat(offeredOnly.get("nextStep").get("path").asString())
                .isEqualTo("/api/delegations/" + overdue + "/assignments/chc/acceptance");

        assertThat(new Api(port).as("auditor").get("/api/escalations").status()).isEqualTo(200);
    }

    @Test
    void pagesFollowTheCursorInDueOrderWithoutRepeats() {
        LocalDate day = randomFutureDay();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DelegationId id = DelegationId.newId();
            log.append("Delegation", id.value(), registered(id, "Paged " + i, day, day, Theme.GREEN_GROWTH),
                    routed(id, "clean"), offered(id, "clean", AssignmentRole.LEAD,
                            Instant.now().minus(3 + i, ChronoUnit.HOURS)));
            assertThat(desk.get("/api/delegations/" + id + "?minVersion=2").status()).isEqualTo(200);
            mine.add(id + "/clean");
        }

        List<JsonNode> all = allPages(desk, 2);

        // other tests' escalations are on the list too: the pages must hold this test's own three
        assertThat(all.stream().map(e -> e.get("delegation").get("id").asString() + "/" + e.get("operatorId").asString()))
                .containsAll(mine);
        Set<String> keys = new HashSet<>();
        OffsetDateTime previous = null;
        for (JsonNode entry : all) {
            assertThat(keys.add(entry.get("delegation").get("id").asString() + "/" + entry.get("operatorId").asString()))
                    .as("no entry twice").isTrue();
            OffsetDateTime due = OffsetDateTime.parse(entry.get("dueAt").asString());
            if (previous != null) {
                assertThat(due).as("most overdue first").isAfterOrEqualTo(previous);
            }
            previous = due;
        }
    }

    @Test
    void aCursorNotIssuedHereOrAnOutOfRangeLimitIsRefused() {
        Api.Response cursor = desk.get("/api/escalations?after=bm90LWEtY3Vyc29y");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "escalation:+999999999-12-31T23:59:59Z|a|b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response forged = desk.get("/api/escalations?after=" + farFuture);
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(forged.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(desk.get("/api/escalations?limit=0").status()).isEqualTo(400);
        assertThat(desk.get("/api/escalations?limit=201").status()).isEqualTo(400);
    }

    @Test
    void onceTheLeadHasAcceptedASilentSupportingOperatorIsLetGoByRecordingItsDecline() {
        LocalDate day = randomFutureDay();
        Instant longAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.DAYS);
        DelegationId accepted = DelegationId.newId();
        log.append("Delegation", accepted.value(), registered(accepted, "Wuxi Accepted", day, day, Theme.GREEN_GROWTH),
                routed(accepted, "clean", "chc"), offered(accepted, "clean", AssignmentRole.LEAD, longAgo),
                offered(accepted, "chc", AssignmentRole.SUPPORTING, longAgo),
                accepted(accepted, "clean", AssignmentRole.LEAD));
        log.appendAt("Delegation", accepted.value(), longAgo.plus(1, ChronoUnit.MINUTES),
                new AssignmentEscalatedEvent(accepted, new OperatorId("chc"), longAgo));
        assertThat(desk.get("/api/delegations/" + accepted + "?minVersion=" + log.version(accepted.value())).status())
                .isEqualTo(200);

        JsonNode silent = entry(allPages(desk, 200), accepted, "chc");
        assertThat(silent.get("nextStep").get("text").asString()).contains("record its decline");
        assertThat(silent.get("nextStep").get("path").asString())
                .isEqualTo("/api/delegations/" + accepted + "/assignments/chc/decline");
    }

    private static List<JsonNode> allPages(Api desk, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            Api.Response page = desk.get("/api/escalations?limit=" + limit + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").valueStream().forEach(all::add);
            JsonNode next = page.json().get("next");
            after = next == null || next.isNull() ? null : next.asString();
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
        } while (after != null);
        return all;
    }

    private static JsonNode entry(List<JsonNode> all, DelegationId delegation, String operator) {
        return all.stream().filter(e -> e.get("delegation").get("id").asString().equals(delegation.value())
                && e.get("operatorId").asString().equals(operator)).findFirst().orElseThrow();
    }
}
