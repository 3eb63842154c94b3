package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CancelDelegationCommand(@TargetAggregateIdentifier DelegationId delegationId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
}
