/**
 * An operator's inbox of assignments, and its live push as server-sent events. No table of its own: it reads the
 * delegation board's assignments through the {@code inbox_assignment} view.
 */
package dk.greatercph.ope.query.inbox;
