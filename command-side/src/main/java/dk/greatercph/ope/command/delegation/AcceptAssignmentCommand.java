package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AcceptAssignmentCommand(@TargetAggregateIdentifier DelegationId delegationId, OperatorId operatorId,
                                      @TargetAggregateVersion Long expectedVersion) implements AssignmentAnswer {
}
