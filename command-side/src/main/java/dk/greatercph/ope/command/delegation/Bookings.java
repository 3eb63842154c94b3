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

    /**
     * The ids of the items among {@code items} that hold the same venue or host at overlapping times (touching is
     * not overlapping), sorted: R6 holds within one programme too. Before, only other delegations' bookings were
     * compared, so a programme booking one hall twice at once was confirmed, and the schedule's conflicts then showed
     * two confirmed items clashing.
     */
    static List<String> clashingWithin(List<Booking> items) {
        java.util.SortedSet<String> clashing = new java.util.TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Booking a = items.get(i);
                Booking b = items.get(j);
                boolean shared = (a.venue() != null && a.venue().equals(b.venue()))
                        || (a.host() != null && a.host().equals(b.host()));
                if (shared && a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt())) {
                    clashing.add(a.itemId());
                    clashing.add(b.itemId());
                }
            }
        }
        return List.copyOf(clashing);
    }

    /** One item to book. */
    record Booking(String itemId, VenueId venue, PartnerId host, Instant startsAt, Instant endsAt) {
    }
}
