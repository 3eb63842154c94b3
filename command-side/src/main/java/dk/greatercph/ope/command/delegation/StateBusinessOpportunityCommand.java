package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The desk states the business opportunity it learned after registration (R2). */
public record StateBusinessOpportunityCommand(@TargetAggregateIdentifier DelegationId delegationId,
                                              String businessOpportunity,
                                              @TargetAggregateVersion Long expectedVersion) {
}
