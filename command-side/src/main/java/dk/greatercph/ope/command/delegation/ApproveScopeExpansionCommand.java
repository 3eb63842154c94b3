package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ApproveScopeExpansionCommand(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                           @TargetAggregateVersion Long expectedVersion) implements ScopeDecision {
}
