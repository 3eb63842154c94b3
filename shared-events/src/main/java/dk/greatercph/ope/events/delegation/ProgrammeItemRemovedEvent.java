package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** A programme item was taken off the programme. */
@Revision("1")
public record ProgrammeItemRemovedEvent(DelegationId delegationId, String itemId) {
}
