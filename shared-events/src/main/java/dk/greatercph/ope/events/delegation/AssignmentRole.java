package dk.greatercph.ope.events.delegation;

/** Whether an operator leads a delegation or supports the lead. */
public enum AssignmentRole {
    LEAD,
    SUPPORTING
}
