/** The desk's list of overdue and escalated assignments, with what to do next. */
package dk.greatercph.ope.web.escalation;
