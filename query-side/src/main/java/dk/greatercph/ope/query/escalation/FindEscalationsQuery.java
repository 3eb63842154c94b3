package dk.greatercph.ope.query.escalation;

/**
 * The overdue and escalated assignments, most overdue first, {@code limit} at a time after the decoded cursor
 * {@code after} (null for the first page).
 */
public record FindEscalationsQuery(EscalationCursor.Position after, int limit) {
}
