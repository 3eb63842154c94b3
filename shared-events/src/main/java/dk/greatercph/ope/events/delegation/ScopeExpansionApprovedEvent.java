package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.util.List;

/** R4: the desk approved a scope expansion; the delegation now also covers these themes. */
@Revision("1")
public record ScopeExpansionApprovedEvent(DelegationId delegationId, String requestId, List<Theme> themes) {
}
