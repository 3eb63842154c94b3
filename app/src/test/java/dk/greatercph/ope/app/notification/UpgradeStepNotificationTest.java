package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Migrations;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.command.delegation.UnansweredOffersLeftOpen;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade step's withdrawals mend offers left open long ago: the operator that was offered one hears nothing of
 * them, though it has a recipient and hears of every other change to its offers.
 */
@OpeIntegrationTest
class UpgradeStepNotificationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnansweredOffersLeftOpen offers;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void nobodyIsNotifiedOfTheOffersAnUpgradeStepWithdraws() throws IOException {
        Notifications notifications = new Notifications(new Api(port));
        String operator = notifications.operator();
        String address = Notifications.address("upgrade");
        notifications.recipient(operator, address, "en");
        String delegation = notifications.lifecycle().registeredAndScreened(
                Requests.delegation("Upgrade notice " + UUID.randomUUID()));
        String routing = "{\"overrideLead\":\"chc\",\"overrideSupporting\":[\"" + operator
                + "\"],\"reason\":\"Notification test\"}";
        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/routing", routing));
        Notifications.mails(address, 1);
        // as a lead's decline recorded itself before it withdrew the supporting offers
        new EventLog(eventStore, transactions).append("Delegation", delegation,
                new AssignmentDeclinedEvent(new DelegationId(delegation), new OperatorId("chc"), AssignmentRole.LEAD,
                        "No capacity", true));
        jdbc.sql("DELETE FROM upgrade_command_due").update();
        jdbc.sql(Migrations.statement("/db/command/V99__supporting_offers_of_delegations_their_lead_declined.sql",
                "INSERT INTO upgrade_command_due")).update();

        assertThat(offers.withdrawDue()).isPositive();
        // routed again: the operator is offered the delegation anew, and hears of that, after the withdrawal
        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/routing", routing));

        JsonNode outbox = Notifications.until(() -> notifications.outbox(delegation),
                rows -> kinds(rows).stream().filter("ASSIGNMENT_OFFERED"::equals).count() >= 2, Duration.ofSeconds(30));
        assertThat(kinds(outbox)).as(outbox.toString()).containsExactlyInAnyOrder("ASSIGNMENT_OFFERED",
                "ASSIGNMENT_OFFERED");
        assertThat(Notifications.mails(address, 2)).hasSize(2);
    }

    private static List<String> kinds(JsonNode rows) {
        return rows.valueStream().filter(row -> row.path("address").asString("").startsWith("upgrade-"))
                .map(row -> row.get("kind").asString()).toList();
    }
}
