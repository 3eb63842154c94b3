/** An operator's inbox of assignments, and its live push as server-sent events. */
package dk.greatercph.ope.query.inbox;
