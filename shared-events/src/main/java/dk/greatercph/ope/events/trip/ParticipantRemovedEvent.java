package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

/** Someone no longer travels with a trip. */
@Revision("1")
public record ParticipantRemovedEvent(TripId tripId, String participantId) {
}
