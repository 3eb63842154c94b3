package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;

import java.time.Instant;
import java.util.List;

/** Rule R6's lookup: venues and hosts booked by confirmed programme items. */
public interface Bookings {

    /**
     * Books every item's venue and host for {@code delegation} unless another delegation's confirmed item holds
     * one of them at an overlapping time; returns the ids of this delegation's items that conflict (nothing is
     * booked then).
     */
    List<String> bookAll(DelegationId delegation, List<Booking> items);

    /** Frees everything booked for {@code delegation}. */
    void release(DelegationId delegation);

    /** One item to book. */
    record Booking(String itemId, VenueId venue, PartnerId host, Instant startsAt, Instant endsAt) {
    }
}
