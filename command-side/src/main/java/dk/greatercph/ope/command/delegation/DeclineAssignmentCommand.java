package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record DeclineAssignmentCommand(@TargetAggregateIdentifier DelegationId delegationId, OperatorId operatorId,
                                       String reason, @TargetAggregateVersion Long expectedVersion)
        implements AssignmentAnswer {
}
