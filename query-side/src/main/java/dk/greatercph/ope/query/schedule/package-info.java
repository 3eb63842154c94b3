/** The one-point-entry schedule: programme items and trips on one timeline, its conflicts and its iCalendar feed. */
package dk.greatercph.ope.query.schedule;
