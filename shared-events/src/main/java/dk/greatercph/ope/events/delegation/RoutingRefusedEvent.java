package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * Routing was refused, e.g. R2: a non-political delegation without a stated business opportunity. Recorded so
 * that auditors see every refusal.
 */
@Revision("1")
public record RoutingRefusedEvent(DelegationId delegationId, String code, String reason) {
}
