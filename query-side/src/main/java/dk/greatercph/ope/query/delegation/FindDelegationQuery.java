package dk.greatercph.ope.query.delegation;

/**
 * Find one delegation by id, with its programme, assignments and decisions. With {@code visibleToOperator} set,
 * only a delegation assigned to that operator is found: to anyone else it does not exist.
 */
public record FindDelegationQuery(String delegationId, String visibleToOperator) {

    /** The processing group whose view answers it: the board, which also writes the operators' inboxes. */
    public static final String PROJECTION = "delegation-board";
}
