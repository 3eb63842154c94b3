package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RejectScopeExpansionCommand(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                          String reason, @TargetAggregateVersion Long expectedVersion)
        implements ScopeDecision {
}
