/** Outgoing political trips as the desk sees them. */
package dk.greatercph.ope.query.trip;
