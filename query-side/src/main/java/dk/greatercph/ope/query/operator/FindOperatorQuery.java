package dk.greatercph.ope.query.operator;

/** One operator by its code: none, or the one. */
public record FindOperatorQuery(String id) {
}
