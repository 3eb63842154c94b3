/** Events, ids and value types of an incoming delegation request. */
package dk.greatercph.ope.events.delegation;
