package dk.greatercph.ope.query.inbox;

/** One operator's assignments, optionally only those in one state. */
public record FindInboxQuery(String operatorId, AssignmentState state) {
}
