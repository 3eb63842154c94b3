package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** The delegation called off its visit. */
@Revision("1")
public record DelegationCancelledEvent(DelegationId delegationId, String reason) {
}
