/** The schedule as week and month calendars: programme items, trips and their itineraries, conflicts, the feed. */
package dk.greatercph.ope.web.schedule;
