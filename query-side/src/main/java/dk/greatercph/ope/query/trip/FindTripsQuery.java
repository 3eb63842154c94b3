package dk.greatercph.ope.query.trip;

import java.time.LocalDate;

/**
 * Trips, optionally of one year, by start date, then id: at most {@code limit} (every one when null) after the
 * position {@code after} (from the first when null).
 */
public record FindTripsQuery(Integer year, Position after, Integer limit) {

    /** Every trip, optionally of one year. */
    public FindTripsQuery(Integer year) {
        this(year, null, null);
    }

    /** Where a page of trips ends: the start date and id of the last trip shown. */
    public record Position(LocalDate startDate, String tripId) {
    }
}
