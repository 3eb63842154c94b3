package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** A person no longer travels with the delegation. */
@Revision("1")
public record DelegationMemberRemovedEvent(DelegationId delegationId, String memberId) {
}
