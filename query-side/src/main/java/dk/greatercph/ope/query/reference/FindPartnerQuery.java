package dk.greatercph.ope.query.reference;

/** One partner by its id: none, or the one. */
public record FindPartnerQuery(String id) {
}
