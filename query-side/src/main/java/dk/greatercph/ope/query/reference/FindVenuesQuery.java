package dk.greatercph.ope.query.reference;

/** Every registered venue, by name: what a programme item's venue is picked from. */
public record FindVenuesQuery() {
}
