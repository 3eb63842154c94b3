package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** The programme was confirmed: its venues and hosts are booked (R6). */
@Revision("1")
public record DelegationConfirmedEvent(DelegationId delegationId) {
}
