package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The desk reopens a confirmed programme to change it, with its reason. */
public record ReopenProgrammeCommand(@TargetAggregateIdentifier DelegationId delegationId, String reason,
                                     @TargetAggregateVersion Long expectedVersion) {
}
