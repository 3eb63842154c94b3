package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

/** The operator declined its assignment; a declined lead sends the delegation back to the desk for re-routing. */
@Revision("1")
public record AssignmentDeclinedEvent(
        DelegationId delegationId,
        OperatorId operatorId,
        AssignmentRole role,
        String reason,
        boolean returnedToDesk) {
}
