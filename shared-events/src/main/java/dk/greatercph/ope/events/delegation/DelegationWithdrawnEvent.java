package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * The desk withdrew the delegation before its visit took place, typically because its programme fell through after
 * the lead accepted. Distinct from {@link DelegationCancelledEvent}, where the delegation itself called off the
 * visit; both count as not realised.
 */
@Revision("1")
public record DelegationWithdrawnEvent(DelegationId delegationId, String reason) {
}
