package dk.greatercph.ope.query.trip;

/** The queries about trips. */
public final class TripQueries {

    private TripQueries() {
    }

    /** One trip by id. */
    public record FindTrip(String tripId) {
    }

    /** All trips, optionally of one year, by start date. */
    public record FindTrips(Integer year) {
    }
}
