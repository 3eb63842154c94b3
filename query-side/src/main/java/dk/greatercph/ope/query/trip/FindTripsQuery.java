package dk.greatercph.ope.query.trip;

/** All trips, optionally of one year, by start date. */
public record FindTripsQuery(Integer year) {
}
