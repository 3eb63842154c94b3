package dk.greatercph.ope.query.inbox;

/** The current state of each of an operator's assignments that changed after global event position {@code after}. */
public record FindInboxChangesQuery(String operatorId, long after) {
}
