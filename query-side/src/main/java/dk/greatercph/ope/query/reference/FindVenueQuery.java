package dk.greatercph.ope.query.reference;

/** One venue by its id: none, or the one. */
public record FindVenueQuery(String id) {
}
