package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;

/** Rule R7's lookup: which trip is a year's annual trip. */
public interface AnnualTrips {

    /** Makes {@code trip} the annual trip of {@code year} if the year has none; true if it now is. */
    boolean claim(int year, TripId trip);

    /** Frees the year if {@code trip} is its annual trip (the trip was cancelled). */
    void release(int year, TripId trip);
}
