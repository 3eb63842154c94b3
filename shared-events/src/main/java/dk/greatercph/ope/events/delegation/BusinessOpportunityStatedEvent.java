package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * The desk stated the delegation's business opportunity after registration, as screening or a call learned it (R2):
 * it replaces what the registration said. A request registered without one could otherwise never be routed.
 */
@Revision("1")
public record BusinessOpportunityStatedEvent(DelegationId delegationId, String businessOpportunity) {
}
