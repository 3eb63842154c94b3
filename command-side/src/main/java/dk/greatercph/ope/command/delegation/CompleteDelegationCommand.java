package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CompleteDelegationCommand(@TargetAggregateIdentifier DelegationId delegationId, Outcome outcome,
                                        @TargetAggregateVersion Long expectedVersion) {
}
