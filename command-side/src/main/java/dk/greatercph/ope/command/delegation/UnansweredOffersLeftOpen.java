package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/**
 * Upgrade steps owed to the history: offers nobody had answered that an earlier version left open.
 * <ul>
 * <li>Closing a delegation did not always withdraw them (a cancellation or a decline before one change, a completion
 * before the next), so they stayed OFFERED in the operators' inboxes, answerable only with 409, and counted as
 * overdue ({@link #CLOSED}, marked by command migration {@code V97}).</li>
 * <li>A lead's decline sent the delegation back to the desk but left the supporting offers open, so a supporting
 * operator could accept on a delegation with no lead, or let it escalate ({@link #LEAD_DECLINED}, {@code V99}).</li>
 * </ul>
 * A migration marks a step due ({@code upgrade_command_due}); the next start finds the delegations concerned in the
 * event store and sends each {@link WithdrawUnansweredOffersCommand} as the system, so the withdrawals are events
 * like any other and every view follows; they carry the step's name ({@link ActorMetadata#UPGRADE_STEP}), so that
 * nobody is notified of offers withdrawn long after. A step is kept for the next start while any delegation failed,
 * or the search for them did.
 */
@Component
public class UnansweredOffersLeftOpen {

    static final String CLOSED = "withdraw-unanswered-offers-of-closed-delegations";
    static final String LEAD_DECLINED = "withdraw-supporting-offers-of-delegations-their-lead-declined";

    private static final Logger log = LoggerFactory.getLogger(UnansweredOffersLeftOpen.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    UnansweredOffersLeftOpen(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        withdrawDue();
    }

    /**
     * Carries out the steps that are due; answers how many delegations had offers withdrawn, or -1 if none was due.
     */
    public int withdrawDue() {
        int withdrawn = -1;
        for (String step : List.of(CLOSED, LEAD_DECLINED)) {
            int done = withdrawDue(step);
            withdrawn = done < 0 ? withdrawn : Math.max(withdrawn, 0) + done;
        }
        return withdrawn;
    }

    private int withdrawDue(String step) {
        if (jdbc.sql("SELECT count(*) FROM upgrade_command_due WHERE step = :step").param("step", step)
                .query(Long.class).single() == 0) {
            return -1;
        }
        List<String> delegations;
        try {
            delegations = concerned(step);
        } catch (RuntimeException e) {
            log.error("Could not find the delegations whose unanswered offers the upgrade step {} owes a withdrawal; "
                    + "tried again at the next start", step, e);
            return 0;
        }
        int failed = 0;
        for (String delegation : delegations) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                                new WithdrawUnansweredOffersCommand(new DelegationId(delegation)))
                        .withMetaData(MetaData.with(ActorMetadata.ACTOR, ActorMetadata.SYSTEM)
                                .and(ActorMetadata.ROLE, "SYSTEM").and(ActorMetadata.UPGRADE_STEP, step)));
            } catch (RuntimeException e) {
                failed++;
                log.error("Could not withdraw the unanswered offers of delegation {} (upgrade step {}); tried again "
                        + "at the next start", delegation, step, e);
            }
        }
        if (failed == 0) {
            jdbc.sql("DELETE FROM upgrade_command_due WHERE step = :step").param("step", step).update();
        }
        log.info("Upgrade step {}: asked {} delegations to withdraw their unanswered offers ({} failed)", step,
                delegations.size() - failed, failed);
        return delegations.size() - failed;
    }

    /**
     * The delegations whose last assignment event for some operator is an offer or an escalation, and which have an
     * event the step is about: a closing, or a lead's decline. The aggregate decides again; this only spares loading
     * every delegation. With the events kept elsewhere (Axon Server) the event table is empty: then every delegation
     * R8's lookup knows is a candidate, and the aggregate decides for each.
     */
    private List<String> concerned(String step) {
        if (jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM DomainEventEntry)").query(Boolean.class).single()) {
            return jdbc.sql("SELECT delegation_id FROM delegation_request_history ORDER BY delegation_id")
                    .query(String.class).list();
        }
        String about = CLOSED.equals(step)
                ? "payloadType IN (:closing)"
                : "payloadType = :declined AND convert_from(payload, 'UTF8')::jsonb ->> 'role' = 'LEAD'";
        return jdbc.sql("""
                        WITH assignment AS (
                            SELECT aggregateIdentifier AS delegation, sequenceNumber, payloadType,
                                   convert_from(payload, 'UTF8')::jsonb ->> 'operatorId' AS operator
                            FROM DomainEventEntry
                            WHERE type = 'Delegation' AND payloadType IN (:assignment)),
                        last AS (
                            SELECT DISTINCT ON (delegation, operator) delegation, payloadType
                            FROM assignment ORDER BY delegation, operator, sequenceNumber DESC)
                        SELECT delegation FROM last WHERE payloadType IN (:unanswered)
                        INTERSECT
                        SELECT aggregateIdentifier FROM DomainEventEntry
                        WHERE type = 'Delegation' AND %s
                        ORDER BY 1""".formatted(about))
                .param("assignment", names(AssignmentOfferedEvent.class, AssignmentEscalatedEvent.class,
                        AssignmentAcceptedEvent.class, AssignmentDeclinedEvent.class, AssignmentWithdrawnEvent.class))
                .param("unanswered", names(AssignmentOfferedEvent.class, AssignmentEscalatedEvent.class))
                .param("closing", names(DelegationCompletedEvent.class, DelegationCancelledEvent.class,
                        DelegationDeclinedEvent.class, DelegationWithdrawnEvent.class))
                .param("declined", AssignmentDeclinedEvent.class.getName())
                .query(String.class).list();
    }

    private static List<String> names(Class<?>... events) {
        return Stream.of(events).map(Class::getName).toList();
    }
}
