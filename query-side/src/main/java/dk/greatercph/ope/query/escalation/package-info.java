/**
 * R5, the desk's escalations: every overdue and escalated assignment across operators with what to do next. No
 * table of its own: it reads the delegation board's assignments through the {@code desk_escalation} view.
 */
package dk.greatercph.ope.query.escalation;
