package dk.greatercph.ope.query.operator;

/** All operators, by id. */
public record FindOperatorsQuery() {
}
