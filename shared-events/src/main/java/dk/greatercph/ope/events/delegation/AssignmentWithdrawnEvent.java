package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

/** An unanswered offer was withdrawn because the delegation was routed again. */
@Revision("1")
public record AssignmentWithdrawnEvent(DelegationId delegationId, OperatorId operatorId) {
}
