package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

/** The operator accepted its assignment. */
@Revision("1")
public record AssignmentAcceptedEvent(DelegationId delegationId, OperatorId operatorId, AssignmentRole role) {
}
