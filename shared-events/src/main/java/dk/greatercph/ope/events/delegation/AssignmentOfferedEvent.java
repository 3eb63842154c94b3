package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An operator was offered the delegation, as lead or supporting, to answer by {@code dueAt} (R5). */
@Revision("1")
public record AssignmentOfferedEvent(
        DelegationId delegationId,
        OperatorId operatorId,
        AssignmentRole role,
        Instant dueAt) {
}
