package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.query.delegation.TestDelegations;
import dk.greatercph.ope.query.support.QueryDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's inbox, answered from the assignments the delegation board keeps (read through the
 * {@code inbox_assignment} view): events fed into the board's projection, answers read through the inbox's queries.
 */
class InboxQueriesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final TestDelegations board = new TestDelegations(jdbc);
    private final InboxQueries inbox = new InboxQueries(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

    private final String operator = "op" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anOperatorSeesItsOffersFirstWithTheDelegationsOrganisationAndCountsByState() {
        DelegationId offered = board.registered("Offering org " + UUID.randomUUID(), NOW);
        DelegationId accepted = board.registered("Accepting org " + UUID.randomUUID(), NOW);
        board.feed(new AssignmentOfferedEvent(accepted, new OperatorId(operator), AssignmentRole.LEAD,
                NOW.plus(2, ChronoUnit.DAYS)), NOW, 1);
        board.feed(new AssignmentAcceptedEvent(accepted, new OperatorId(operator), AssignmentRole.LEAD), NOW, 2);
        board.feed(new AssignmentOfferedEvent(offered, new OperatorId(operator), AssignmentRole.SUPPORTING,
                NOW.minus(1, ChronoUnit.HOURS)), NOW, 1);

        InboxView view = inbox.handle(new FindInboxQuery(operator, null)).orElseThrow();

        assertThat(view.entries()).extracting(InboxEntryView::delegationId)
                .containsExactly(offered.value(), accepted.value());
        assertThat(view.entries().get(0).state()).isEqualTo(AssignmentState.OFFERED);
        assertThat(view.entries().get(0).overdue()).isTrue();
        assertThat(view.entries().get(0).requestingOrganisation()).startsWith("Offering org");
        assertThat(view.entries().get(1).overdue()).isFalse();
        assertThat(view.countsByState()).containsEntry(AssignmentState.OFFERED, 1L)
                .containsEntry(AssignmentState.ACCEPTED, 1L).containsEntry(AssignmentState.DECLINED, 0L);
        assertThat(inbox.handle(new FindInboxQuery(operator, AssignmentState.ACCEPTED)).orElseThrow().entries())
                .extracting(InboxEntryView::delegationId).containsExactly(accepted.value());
    }

    @Test
    void anOperatorNobodyKnowsHasNoInbox() {
        assertThat(inbox.handle(new FindInboxQuery(operator, null))).isEmpty();
    }

    @Test
    void theChangesAfterAPositionAreTheAssignmentsChangedSince() {
        DelegationId first = board.registered("First org " + UUID.randomUUID(), NOW);
        DelegationId second = board.registered("Second org " + UUID.randomUUID(), NOW);
        board.feed(new AssignmentOfferedEvent(first, new OperatorId(operator), AssignmentRole.LEAD,
                NOW.plus(2, ChronoUnit.DAYS)), NOW, 1);
        long seen = inbox.handle(new FindInboxQuery(operator, null)).orElseThrow().entries().get(0).position();
        board.feed(new AssignmentOfferedEvent(second, new OperatorId(operator), AssignmentRole.LEAD,
                NOW.plus(2, ChronoUnit.DAYS)), NOW, 1);

        assertThat(inbox.handle(new FindInboxChangesQuery(operator, seen)))
                .extracting(InboxEntryView::delegationId).containsExactly(second.value());
    }
}
