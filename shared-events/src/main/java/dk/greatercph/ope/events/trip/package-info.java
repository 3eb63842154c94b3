/** Events, ids and value types of the Capital Region's outgoing political trips to China. */
package dk.greatercph.ope.events.trip;
