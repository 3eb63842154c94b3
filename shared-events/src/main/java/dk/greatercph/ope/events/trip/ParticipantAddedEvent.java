package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

/** Someone joins a trip: a politician, an official, an operator's representative or a company. */
@Revision("1")
public record ParticipantAddedEvent(TripId tripId, String participantId, ParticipantKind kind, String name,
                                    String title, String organisation, OperatorId operatorId) {
}
