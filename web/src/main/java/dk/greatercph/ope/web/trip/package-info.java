/** The Region's outgoing political trips: the list, planning, participants, itinerary, approval and closure. */
package dk.greatercph.ope.web.trip;
