package dk.greatercph.ope.query.operator;

/** The operators by id: at most {@code limit} after the id {@code after} (from the first when null). */
public record FindOperatorsQuery(String after, int limit) {
}
