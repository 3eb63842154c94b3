package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The desk screened the request: R8's repeat-request flag (with the earlier requests it repeats) and the
 * assessment of its business opportunity.
 */
@Revision("1")
public record DelegationScreenedEvent(
        DelegationId delegationId,
        boolean repeatRequest,
        List<DelegationId> earlierRequests,
        String businessOpportunityAssessment) {
}
