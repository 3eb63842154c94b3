package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** R5: the operator did not answer by the deadline; the assignment is escalated to the desk. */
@Revision("1")
public record AssignmentEscalatedEvent(DelegationId delegationId, OperatorId operatorId, Instant dueAt) {
}
