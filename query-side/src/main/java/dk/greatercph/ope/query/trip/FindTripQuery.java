package dk.greatercph.ope.query.trip;

/** One trip by id. */
public record FindTripQuery(String tripId) {
}
