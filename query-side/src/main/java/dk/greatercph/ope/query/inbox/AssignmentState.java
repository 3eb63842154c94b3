package dk.greatercph.ope.query.inbox;

/** Where an operator's assignment stands. */
public enum AssignmentState {
    OFFERED,
    ESCALATED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
}
