package dk.greatercph.ope.query.delegation;

/** A page of the desk's board, newest first; {@code beforePosition} is the decoded cursor or null. */
public record FindDelegationsQuery(Long beforePosition, int limit) {
}
