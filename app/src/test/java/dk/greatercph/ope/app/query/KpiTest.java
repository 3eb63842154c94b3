package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.KpiTargetsAgreedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of delegations, told as events with that year's timestamps, gives each operator's actuals as computed by
 * hand. The year is one no other test uses.
 */
@OpeIntegrationTest
class KpiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventLog log;
    int year;
    Instant base;

    @Test
    void actualsOfAYearMatchTheHandComputedFigures() {
        year = ThreadLocalRandom.current().nextInt(1901, 1999);
        base = LocalDate.of(year, 3, 2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String a = "kpia" + UUID.randomUUID().toString().substring(0, 8);
        String b = "kpib" + UUID.randomUUID().toString().substring(0, 8);
        log.append("Operator", a, new OperatorRegisteredEvent(new OperatorId(a), "KPI A",
                        List.of(Theme.AUTHORITY_SOIL_WATER), routingVersion(a, Theme.AUTHORITY_SOIL_WATER)),
                new KpiTargetsAgreedEvent(new OperatorId(a), year, List.of(new KpiTarget(KpiKind.DELEGATIONS_HANDLED, 10),
                        new KpiTarget(KpiKind.INVESTMENT_LEADS, 5), new KpiTarget(KpiKind.TOURISTS, 100))));
        log.append("Operator", b, new OperatorRegisteredEvent(new OperatorId(b), "KPI B", List.of(Theme.AUTHORITY_HEALTH),
                routingVersion(b, Theme.AUTHORITY_HEALTH)));

        // D1: A leads, accepts after 2 h, completes with 3 leads and 2 MoUs.
        DelegationId d1 = delegation(DelegationType.BUSINESS, "Jiangsu", base);
        event(d1, 1, routed(d1, a));
        event(d1, 1, offered(d1, a, AssignmentRole.LEAD, hours(1 + 72)));
        event(d1, 3, accepted(d1, a, AssignmentRole.LEAD));
        event(d1, 100, new DelegationCompletedEvent(d1, new Outcome("Done", 3, List.of("Sino Wind"),
                List.of("MoU 1", "MoU 2"), List.of())));
        // D2: A leads, accepts after 10 h, not completed.
        DelegationId d2 = delegation(DelegationType.POLITICAL, "Jiangsu", base);
        event(d2, 1, routed(d2, a));
        event(d2, 1, offered(d2, a, AssignmentRole.LEAD, hours(73)));
        event(d2, 11, accepted(d2, a, AssignmentRole.LEAD));
        // D3: A declines the lead after 1 h; re-routed to B, who accepts after 4 h and completes with 1 lead.
        DelegationId d3 = delegation(DelegationType.BUSINESS, "Zhejiang", base);
        event(d3, 1, routed(d3, a));
        event(d3, 1, offered(d3, a, AssignmentRole.LEAD, hours(73)));
        event(d3, 2, new AssignmentDeclinedEvent(d3, new OperatorId(a), AssignmentRole.LEAD, "Busy", true));
        event(d3, 3, routed(d3, b));
        event(d3, 3, offered(d3, b, AssignmentRole.LEAD, hours(75)));
        event(d3, 7, accepted(d3, b, AssignmentRole.LEAD));
        event(d3, 200, new DelegationCompletedEvent(d3, new Outcome("Done", 1, List.of(), List.of(), List.of())));
        // D4: A is offered support and lets it escalate; the desk then withdraws the offer, which stays escalated
        // in A's figures (before, the withdrawal took it out of A's acceptance rate).
        DelegationId d4 = delegation(DelegationType.ACADEMIC, "Shanghai", base);
        event(d4, 1, routed(d4, b, a));
        event(d4, 1, offered(d4, a, AssignmentRole.SUPPORTING, hours(73)));
        event(d4, 80, new AssignmentEscalatedEvent(d4, new OperatorId(a), hours(73)));
        event(d4, 90, new AssignmentWithdrawnEvent(d4, new OperatorId(a)));
        // D5: B leads (accepts after 8 h), A supports (accepts after 4 h).
        DelegationId d5 = delegation(DelegationType.BUSINESS, "Jiangsu", base);
        event(d5, 1, routed(d5, b, a));
        event(d5, 1, offered(d5, b, AssignmentRole.LEAD, hours(73)));
        event(d5, 1, offered(d5, a, AssignmentRole.SUPPORTING, hours(73)));
        event(d5, 5, accepted(d5, a, AssignmentRole.SUPPORTING));
        event(d5, 9, accepted(d5, b, AssignmentRole.LEAD));
        // D6: registered the next year; counts there, not here.
        DelegationId d6 = delegation(DelegationType.BUSINESS, "Jiangsu", base.plus(365, ChronoUnit.DAYS));
        event(d6, 365 * 24 + 1, routed(d6, a));
        event(d6, 365 * 24 + 1, offered(d6, a, AssignmentRole.LEAD, hours(365 * 24 + 73)));
        event(d6, 365 * 24 + 2, accepted(d6, a, AssignmentRole.LEAD));

        Api desk = new Api(port).as("desk");
        // The actuals come from the KPI projection, the targets from the operator directory: wait for both.
        JsonNode report = desk.getUntil("/api/kpis?year=" + year, r -> r.status() == 200
                        && operator(r.json(), b) != null && operator(r.json(), b).get("actuals").get("programmesDelivered").asLong() == 1
                        && operator(r.json(), a).get("actuals").get("mousSigned").asLong() == 2
                        && operator(r.json(), a).get("actuals").get("acceptanceRate").asDouble() == 0.6
                        && operator(r.json(), b).get("actuals").get("delegationsHandled").asLong() == 2
                        && operator(r.json(), a).get("targets").size() == 3,
                Duration.ofSeconds(15)).json();

        JsonNode actualsA = operator(report, a).get("actuals");
        assertThat(actualsA.get("delegationsHandled").asLong()).isEqualTo(2);
        assertThat(actualsA.get("medianHoursToAccept").asDouble()).isEqualTo(4.0);
        assertThat(actualsA.get("acceptanceRate").asDouble()).isEqualTo(0.6);
        assertThat(actualsA.get("programmesDelivered").asLong()).isEqualTo(1);
        assertThat(actualsA.get("investmentLeads").asLong()).isEqualTo(3);
        assertThat(actualsA.get("mousSigned").asLong()).isEqualTo(2);
        JsonNode actualsB = operator(report, b).get("actuals");
        assertThat(actualsB.get("delegationsHandled").asLong()).isEqualTo(2);
        assertThat(actualsB.get("medianHoursToAccept").asDouble()).isEqualTo(6.0);
        assertThat(actualsB.get("acceptanceRate").asDouble()).isEqualTo(1.0);
        assertThat(actualsB.get("programmesDelivered").asLong()).isEqualTo(1);
        assertThat(actualsB.get("investmentLeads").asLong()).isEqualTo(1);
        assertThat(actualsB.get("mousSigned").asLong()).isZero();

        JsonNode targetsA = operator(report, a).get("targets");
        assertThat(targetsA.valueStream().map(t -> t.get("kind").asString() + "=" + t.get("target").asLong() + "/"
                + (t.get("actual") == null || t.get("actual").isNull() ? "none" : t.get("actual").asLong())))
                .containsExactlyInAnyOrder("DELEGATIONS_HANDLED=10/2", "INVESTMENT_LEADS=5/3", "TOURISTS=100/0");
        assertThat(operator(report, b).get("targets").size()).isZero();

        JsonNode figures = report.get("desk");
        assertThat(figures.get("delegations").asLong()).isEqualTo(5);
        assertThat(figures.get("chineseDelegations").asLong()).isEqualTo(5);
        assertThat(figures.get("byType").get("BUSINESS").asLong()).isEqualTo(3);
        assertThat(figures.get("byType").get("POLITICAL").asLong()).isEqualTo(1);
        assertThat(figures.get("byType").get("ACADEMIC").asLong()).isEqualTo(1);
        assertThat(figures.get("byOriginProvince").get("Jiangsu").asLong()).isEqualTo(3);
        assertThat(figures.get("byOriginProvince").get("Zhejiang").asLong()).isEqualTo(1);

        JsonNode nextYear = operator(desk.getUntil("/api/kpis?year=" + (year + 1), r -> operator(r.json(), a) != null
                && operator(r.json(), a).get("actuals").get("delegationsHandled").asLong() == 1, Duration.ofSeconds(15))
                .json(), a).get("actuals");
        assertThat(nextYear.get("delegationsHandled").asLong()).isEqualTo(1);
        assertThat(desk.get("/api/kpis").status()).isEqualTo(400);
    }

    @Test
    void aReportAlreadyReadShowsEveryLaterChange() {
        year = ThreadLocalRandom.current().nextInt(3000, 9000);
        base = LocalDate.of(year, 5, 4).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String a = "kpic" + UUID.randomUUID().toString().substring(0, 8);
        log.append("Operator", a, new OperatorRegisteredEvent(new OperatorId(a), "KPI C",
                        List.of(Theme.AUTHORITY_SOIL_WATER), routingVersion(a, Theme.AUTHORITY_SOIL_WATER)),
                new KpiTargetsAgreedEvent(new OperatorId(a), year, List.of(new KpiTarget(KpiKind.DELEGATIONS_HANDLED, 10))));
        Api desk = new Api(port).as("desk");
        String path = "/api/kpis?year=" + year;
        desk.getUntil(path, r -> r.status() == 200 && target(r.json(), a) == 10, Duration.ofSeconds(15));
        assertThat(target(desk.get(path).json(), a)).as("read again, unchanged").isEqualTo(10);

        // a projected event: new targets from the operator directory, a delegation led from the KPI projection
        log.append("Operator", a, new KpiTargetsAgreedEvent(new OperatorId(a), year,
                List.of(new KpiTarget(KpiKind.DELEGATIONS_HANDLED, 20))));
        DelegationId led = delegation(DelegationType.BUSINESS, "Jiangsu", base);
        event(led, 1, routed(led, a));
        event(led, 1, offered(led, a, AssignmentRole.LEAD, hours(73)));
        event(led, 2, accepted(led, a, AssignmentRole.LEAD));
        JsonNode changed = desk.getUntil(path, r -> target(r.json(), a) == 20
                && operator(r.json(), a).get("actuals").get("delegationsHandled").asLong() == 1,
                Duration.ofSeconds(15)).json();
        assertThat(changed.get("desk").get("delegations").asLong()).isEqualTo(1);

        // a row changed by any other writer (a repair, a parked event retried): seen at the next read, without waiting
        jdbc.sql("UPDATE kpi_target SET target = 30 WHERE operator_id = :operator AND year = :year")
                .param("operator", a).param("year", year).update();
        assertThat(target(desk.get(path).json(), a)).isEqualTo(30);
    }

    private static long target(JsonNode report, String operatorId) {
        JsonNode operator = operator(report, operatorId);
        return operator == null || operator.get("targets").isEmpty() ? -1
                : operator.get("targets").get(0).get("target").asLong();
    }

    private DelegationId delegation(DelegationType type, String province, Instant at) {
        DelegationId id = DelegationId.newId();
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(2);
        log.appendAt("Delegation", id.value(), at, registered(id, "KPI " + id, province, type, day, day, Theme.TOURISM));
        return id;
    }

    private void event(DelegationId id, long hoursAfterBase, Object payload) {
        log.appendAt("Delegation", id.value(), hours(hoursAfterBase), payload);
    }

    private Instant hours(long hoursAfterBase) {
        return base.plus(hoursAfterBase, ChronoUnit.HOURS);
    }

    private static JsonNode operator(JsonNode report, String operatorId) {
        return report.get("operators").valueStream().filter(o -> o.get("operatorId").asString().equals(operatorId))
                .findFirst().orElse(null);
    }

    /**
     * The routing table's next version, taken as the command side takes it for an operator it registers, so that
     * the history written here names versions no real registration names too (lookup rebuilds rely on it).
     */
    private long routingVersion(String operator, Theme theme) {
        long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM routing_version").query(Long.class).single();
        jdbc.sql("INSERT INTO routing_version (version, operator_id, themes) VALUES (:version, :operator, :themes)")
                .param("version", version).param("operator", operator).param("themes", new String[]{theme.name()})
                .update();
        jdbc.sql("INSERT INTO routing_rule (operator_id, themes) VALUES (:operator, :themes)")
                .param("operator", operator).param("themes", new String[]{theme.name()}).update();
        return version;
    }
}
