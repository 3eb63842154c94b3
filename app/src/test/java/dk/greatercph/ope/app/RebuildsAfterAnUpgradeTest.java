package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Migrations;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.command.delegation.UnansweredOffersLeftOpen;
import dk.greatercph.ope.command.lookup.LookupRebuildDue;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.query.replay.ProjectionRebuildsDue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade that changes what a view or a lookup holds for the same events marks it due in its migration, and the
 * next start rebuilds it: the schedule's replay and R8's keys needed an administrator's step before. An upgrade that
 * owes the history events marks a step, which the next start carries out as the system.
 */
@OpeIntegrationTest
class RebuildsAfterAnUpgradeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionRebuildsDue projections;

    @Autowired
    LookupRebuildDue lookups;

    @Autowired
    UnansweredOffersLeftOpen offers;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aProjectionTheMigrationMarkedIsReplayedOnceAndAnUnknownOneIsKept() throws IOException {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Upgraded schedule " + UUID.randomUUID());
        lifecycle.item(lifecycle.desk(), delegation, "MEETING", lifecycle.venue(), null, "2031-03-04T10:00:00+01:00",
                "2031-03-04T11:00:00+01:00");
        new Api(port).as("desk").getUntil("/api/schedule?from=2031-03-04&to=2031-03-05",
                r -> r.body().contains(delegation), Duration.ofSeconds(20));
        jdbc.sql("DELETE FROM projection_rebuild_due").update();
        jdbc.sql(Migrations.statement("/db/query/V290__projection_rebuilds_due_after_an_upgrade.sql",
                "INSERT INTO projection_rebuild_due")).update();
        jdbc.sql("INSERT INTO projection_rebuild_due (projection, reason) VALUES ('no-such-view', 'a test')").update();

        assertThat(projections.replayDue()).containsExactly("schedule");

        assertThat(jdbc.sql("SELECT projection FROM projection_rebuild_due").query(String.class).list())
                .containsExactly("no-such-view");
        Api admin = new Api(port).as("admin");
        Api.Response replayed = admin.getUntil("/api/admin/projections/schedule",
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60));
        assertThat(replayed.json().path("lastReplay").hasNonNull("finishedAt")).as(replayed.body()).isTrue();
        assertThat(new Api(port).as("desk").getUntil("/api/schedule?from=2031-03-04&to=2031-03-05",
                r -> r.body().contains(delegation), Duration.ofSeconds(20)).body()).contains(delegation);
        assertThat(projections.replayDue()).isEmpty();
        jdbc.sql("DELETE FROM projection_rebuild_due").update();
    }

    @Test
    void theRequestHistoryTheMigrationMarkedGetsTheKeysR8ReadsNow() throws IOException {
        String delegation = new Lifecycle(new Api(port)).registeredAndScreened(Requests.delegation(
                "Jiangsu\u00a0Upgrade " + UUID.randomUUID(), "ADMINISTRATIVE", "\"INVESTMENT\"", "Upgrade"));
        String key = key(delegation);
        jdbc.sql("UPDATE delegation_request_history SET organisation_key = 'written before the upgrade' "
                + "WHERE delegation_id = :id").param("id", delegation).update();
        jdbc.sql("DELETE FROM lookup_rebuild_due").update();
        jdbc.sql(Migrations.statement("/db/command/V96__lookup_rebuild_due_after_an_upgrade.sql", "INSERT INTO lookup_rebuild_due"))
                .update();

        assertThat(lookups.rebuildDue()).isTrue();

        assertThat(key(delegation)).isEqualTo(key);
        assertThat(jdbc.sql("SELECT count(*) FROM lookup_rebuild_due").query(Long.class).single()).isZero();
        assertThat(lookups.rebuildDue()).isFalse();
    }

    /**
     * A delegation cancelled before closing withdrew the offers nobody answered: its history has the cancellation and
     * no withdrawal. The step the migration marks sends the withdrawals once, as the system, and every view follows.
     */
    @Test
    void offersLeftOpenByAnEarlierClosingAreWithdrawnOnceTheMigrationMarksTheStep() throws IOException {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.registeredAndScreened(Requests.delegation("Closed before " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + delegation + "/routing", "{}"));
        Lifecycle.ok(lifecycle.as("chc").post("/api/delegations/" + delegation + "/assignments/chc/acceptance", ""));
        // as a cancellation recorded itself before it withdrew anything
        new EventLog(eventStore, transactions).append("Delegation", delegation,
                new DelegationCancelledEvent(new DelegationId(delegation), "Visa refused"));
        Api copcap = lifecycle.as("copcap");
        JsonNode before = copcap.getUntil("/api/operators/copcap/inbox", r -> stateIn(r.json(), delegation) != null,
                Duration.ofSeconds(20)).json();
        assertThat(stateIn(before, delegation)).isEqualTo("OFFERED");
        jdbc.sql("DELETE FROM upgrade_command_due").update();
        jdbc.sql(Migrations.statement("/db/command/V97__unanswered_offers_of_closed_delegations.sql",
                "INSERT INTO upgrade_command_due")).update();

        assertThat(offers.withdrawDue()).isPositive();

        assertThat(lifecycle.eventTypes(delegation)).endsWith("DelegationCancelledEvent", "AssignmentWithdrawnEvent")
                .as("the lead's accepted assignment stays").containsOnlyOnce("AssignmentWithdrawnEvent");
        JsonNode withdrawal = lifecycle.events(delegation).get(lifecycle.eventTypes(delegation).size() - 1)
                .path("metaData");
        assertThat(withdrawal.path("actor").asString()).isEqualTo("system");
        assertThat(withdrawal.path("upgradeStep").asString()).as("nobody is notified of it")
                .isEqualTo("withdraw-unanswered-offers-of-closed-delegations");
        assertThat(stateIn(copcap.getUntil("/api/operators/copcap/inbox",
                r -> "WITHDRAWN".equals(stateIn(r.json(), delegation)), Duration.ofSeconds(20)).json(), delegation))
                .isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("SELECT count(*) FROM upgrade_command_due").query(Long.class).single()).isZero();
        assertThat(offers.withdrawDue()).as("done once").isEqualTo(-1);
    }

    /**
     * A lead's decline sent the delegation back to the desk and left the supporting offers open before it withdrew
     * them: its history has the decline and no withdrawal. The step V99 marks withdraws them once, as the system.
     */
    @Test
    void supportingOffersLeftOpenByAnEarlierLeadDeclineAreWithdrawnOnceTheMigrationMarksTheStep() throws IOException {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.registeredAndScreened(Requests.delegation("Declined before " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health"));
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + delegation + "/routing", "{}"));
        // as a lead's decline recorded itself before it withdrew the supporting offers
        new EventLog(eventStore, transactions).append("Delegation", delegation,
                new AssignmentDeclinedEvent(new DelegationId(delegation), new OperatorId("chc"), AssignmentRole.LEAD,
                        "No capacity", true));
        Api copcap = lifecycle.as("copcap");
        assertThat(stateIn(copcap.getUntil("/api/operators/copcap/inbox", r -> stateIn(r.json(), delegation) != null,
                Duration.ofSeconds(20)).json(), delegation)).isEqualTo("OFFERED");
        jdbc.sql("DELETE FROM upgrade_command_due").update();
        jdbc.sql(Migrations.statement("/db/command/V99__supporting_offers_of_delegations_their_lead_declined.sql",
                "INSERT INTO upgrade_command_due")).update();

        assertThat(offers.withdrawDue()).isPositive();

        assertThat(lifecycle.eventTypes(delegation)).endsWith("AssignmentDeclinedEvent", "AssignmentWithdrawnEvent");
        JsonNode withdrawal = lifecycle.events(delegation).get(lifecycle.eventTypes(delegation).size() - 1)
                .path("metaData");
        assertThat(withdrawal.path("upgradeStep").asString())
                .isEqualTo("withdraw-supporting-offers-of-delegations-their-lead-declined");
        assertThat(stateIn(copcap.getUntil("/api/operators/copcap/inbox",
                r -> "WITHDRAWN".equals(stateIn(r.json(), delegation)), Duration.ofSeconds(20)).json(), delegation))
                .isEqualTo("WITHDRAWN");
        Api.Response refused = copcap.post("/api/delegations/" + delegation + "/assignments/copcap/acceptance", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.body()).as("no longer its offer").contains("\"code\":\"NOT_FOUND\"");
        assertThat(offers.withdrawDue()).as("done once").isEqualTo(-1);
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + delegation + "/routing", "{}"));
    }

    private static String stateIn(JsonNode inbox, String delegation) {
        return inbox.get("entries").valueStream().filter(e -> e.get("delegationId").asString().equals(delegation))
                .map(e -> e.get("state").asString()).findFirst().orElse(null);
    }

    private String key(String delegation) {
        return jdbc.sql("SELECT organisation_key FROM delegation_request_history WHERE delegation_id = :id")
                .param("id", delegation).query(String.class).single();
    }
}
