package dk.greatercph.ope.query.reference;

/**
 * The registered venues by name, what a programme item's venue is picked from: at most {@code limit} after the
 * position {@code after} (from the first when null).
 */
public record FindVenuesQuery(NamePosition after, int limit) {
}
