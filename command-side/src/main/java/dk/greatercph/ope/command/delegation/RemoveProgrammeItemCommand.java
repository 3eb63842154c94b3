package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveProgrammeItemCommand(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                         @TargetAggregateVersion Long expectedVersion) implements ProgrammeItemChange {
}
