/** The REST command API of outgoing political trips. */
package dk.greatercph.ope.command.trip.web;
