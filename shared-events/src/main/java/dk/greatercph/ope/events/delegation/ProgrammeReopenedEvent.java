package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * The desk reopened a confirmed programme, with its reason (an item moved, a date typed wrong): the delegation is back
 * to {@code PROGRAMME_PLANNED}, what the confirmation booked (R6) is free again, and its items are tentative until the
 * programme is confirmed again, with R3 and R6 checked again then.
 */
@Revision("1")
public record ProgrammeReopenedEvent(DelegationId delegationId, String reason) {
}
