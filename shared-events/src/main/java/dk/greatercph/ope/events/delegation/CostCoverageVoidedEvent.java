package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * R3: an item's cost coverage no longer holds, because the item moved to another host or venue; the agreement was
 * made for the one before, so the item needs a new agreement before the programme is confirmed.
 */
@Revision("1")
public record CostCoverageVoidedEvent(
        DelegationId delegationId,
        String itemId) {
}
