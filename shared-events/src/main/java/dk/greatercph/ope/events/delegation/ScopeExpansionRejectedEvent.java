package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** R4: the desk rejected a scope expansion (depth before breadth). */
@Revision("1")
public record ScopeExpansionRejectedEvent(DelegationId delegationId, String requestId, String reason) {
}
