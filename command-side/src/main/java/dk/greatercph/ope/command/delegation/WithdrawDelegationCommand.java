package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The desk withdraws a delegation whose visit will not take place, with its reason. */
public record WithdrawDelegationCommand(@TargetAggregateIdentifier DelegationId delegationId, String reason,
                                        @TargetAggregateVersion Long expectedVersion) {
}
