package dk.greatercph.ope.query.inbox;

/**
 * The current state of each of an operator's assignments that changed after global event position {@code after}, in
 * that order: at most {@link FindInboxQuery#MOST_UNPAGED} + 1, which tells that more changed than one answer holds.
 */
public record FindInboxChangesQuery(String operatorId, long after) {
}
