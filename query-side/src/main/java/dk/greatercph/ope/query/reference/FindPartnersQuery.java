package dk.greatercph.ope.query.reference;

/** Every registered partner, by name: what a programme item's host is picked from. */
public record FindPartnersQuery() {
}
