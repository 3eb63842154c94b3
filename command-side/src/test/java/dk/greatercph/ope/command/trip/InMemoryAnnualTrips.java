package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;

import java.util.HashMap;
import java.util.Map;

/** R7's lookup for fixture tests, held in memory. */
class InMemoryAnnualTrips implements AnnualTrips {

    final Map<Integer, TripId> annual = new HashMap<>();

    @Override
    public boolean claim(int year, TripId trip) {
        return annual.putIfAbsent(year, trip) == null;
    }

    @Override
    public void release(int year, TripId trip) {
        annual.remove(year, trip);
    }
}
