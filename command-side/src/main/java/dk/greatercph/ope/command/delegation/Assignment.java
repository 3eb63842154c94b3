package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.Instant;
import java.util.Objects;

import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One operator's assignment on a delegation (rule R5): offered by routing or an approved scope expansion (R4),
 * then accepted, declined, escalated when the answer is overdue, or withdrawn by a new routing or the delegation's
 * withdrawal. The delegation creates it from {@link dk.greatercph.ope.events.delegation.AssignmentOfferedEvent};
 * it receives only the commands and events that name its operator, commands once the delegation has checked who
 * answers.
 */
class Assignment {

    enum State { OFFERED, ACCEPTED, DECLINED, ESCALATED, WITHDRAWN }

    @EntityId
    private final OperatorId operatorId;
    private final AssignmentRole role;
    private State state;
    private final Instant dueAt;

    Assignment(OperatorId operatorId, AssignmentRole role, Instant dueAt) {
        this.operatorId = operatorId;
        this.role = role;
        this.dueAt = dueAt;
        this.state = State.OFFERED;
    }

    OperatorId operatorId() {
        return operatorId;
    }

    State state() {
        return state;
    }

    AssignmentRole role() {
        return role;
    }

    /** Offered or escalated: the operator still owes an answer. */
    boolean awaitsAnswer() {
        return state == State.OFFERED || state == State.ESCALATED;
    }

    /** Offered, escalated or accepted: the operator works on the delegation or still owes an answer. */
    boolean isOnTheDelegation() {
        return awaitsAnswer() || state == State.ACCEPTED;
    }

    @CommandHandler
    CommandResult handle(AcceptAssignmentCommand command, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(Delegation.DEADLINE_PREFIX + operatorId);
        apply(new AssignmentAcceptedEvent(command.delegationId(), operatorId, role));
        return CommandResult.done();
    }

    /** Declining the lead returns the delegation to the desk. */
    @CommandHandler
    CommandResult handle(DeclineAssignmentCommand command, DeadlineManager deadlines) {
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A decline states its reason.");
        deadlines.cancelAllWithinScope(Delegation.DEADLINE_PREFIX + operatorId);
        apply(new AssignmentDeclinedEvent(command.delegationId(), operatorId, role, command.reason().trim(),
                role == AssignmentRole.LEAD));
        return CommandResult.done();
    }

    void requireUnanswered() {
        if (!awaitsAnswer()) {
            throw new DomainProblem(DelegationProblem.ASSIGNMENT_ANSWERED,
                    "This assignment was already answered: " + state + ".");
        }
    }

    void escalate(DelegationId delegation) {
        apply(new AssignmentEscalatedEvent(delegation, operatorId, dueAt));
    }

    void withdraw(DelegationId delegation) {
        apply(new AssignmentWithdrawnEvent(delegation, operatorId));
    }

    @EventSourcingHandler
    void on(AssignmentAcceptedEvent event) {
        state = State.ACCEPTED;
    }

    @EventSourcingHandler
    void on(AssignmentDeclinedEvent event) {
        state = State.DECLINED;
    }

    @EventSourcingHandler
    void on(AssignmentEscalatedEvent event) {
        state = State.ESCALATED;
    }

    @EventSourcingHandler
    void on(AssignmentWithdrawnEvent event) {
        state = State.WITHDRAWN;
    }

    /** Equal in every field, so that the test fixture can compare the state a command left with the sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Assignment other && operatorId.equals(other.operatorId) && role == other.role
                && Objects.equals(dueAt, other.dueAt) && state == other.state;
    }

    @Override
    public int hashCode() {
        return operatorId.hashCode();
    }
}
