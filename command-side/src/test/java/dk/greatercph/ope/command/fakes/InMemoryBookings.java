package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.delegation.Bookings;
import dk.greatercph.ope.events.delegation.DelegationId;

import java.util.ArrayList;
import java.util.List;

/** R6's lookup for fixture tests: the same overlap rule as the JDBC one, over a list. */
public class InMemoryBookings implements Bookings {

    private final List<Booked> booked = new ArrayList<>();

    @Override
    public List<String> bookAll(DelegationId delegation, List<Booking> items) {
        List<String> conflicts = items.stream().filter(item -> booked.stream().anyMatch(b ->
                        !b.delegation().equals(delegation)
                                && b.item().startsAt().isBefore(item.endsAt()) && b.item().endsAt().isAfter(item.startsAt())
                                && ((item.venue() != null && item.venue().equals(b.item().venue()))
                                || (item.host() != null && item.host().equals(b.item().host())))))
                .map(Booking::itemId).toList();
        if (conflicts.isEmpty()) {
            items.forEach(item -> booked.add(new Booked(delegation, item)));
        }
        return conflicts;
    }

    @Override
    public void release(DelegationId delegation) {
        booked.removeIf(b -> b.delegation().equals(delegation));
    }

    private record Booked(DelegationId delegation, Booking item) {
    }
}
