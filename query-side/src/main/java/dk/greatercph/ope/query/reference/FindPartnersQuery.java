package dk.greatercph.ope.query.reference;

/**
 * The registered partners by name, what a programme item's host is picked from: at most {@code limit} after the
 * position {@code after} (from the first when null).
 */
public record FindPartnersQuery(NamePosition after, int limit) {
}
