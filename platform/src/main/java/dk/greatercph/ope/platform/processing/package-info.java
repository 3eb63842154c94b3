/**
 * How the event processors hand events to the projections: which handlers an event goes to, found once per event
 * type, and the result of handling it, made once.
 */
package dk.greatercph.ope.platform.processing;
