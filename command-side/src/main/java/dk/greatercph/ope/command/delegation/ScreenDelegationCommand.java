package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the screening: R8's repeat check runs here; the desk assesses the business opportunity. */
public record ScreenDelegationCommand(@TargetAggregateIdentifier DelegationId delegationId, String businessOpportunityAssessment,
                                      @TargetAggregateVersion Long expectedVersion) {
}
