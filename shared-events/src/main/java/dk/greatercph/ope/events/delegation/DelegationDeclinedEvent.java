package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** The desk declined the request, with its reason (e.g. no business focus). */
@Revision("1")
public record DelegationDeclinedEvent(DelegationId delegationId, String reason) {
}
