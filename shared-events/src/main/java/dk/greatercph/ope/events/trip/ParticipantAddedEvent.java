package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import org.axonframework.serialization.Revision;

/**
 * Someone joins a trip: a politician, an official, an operator's representative or a company. Name and title
 * are personal data, sealed with the person's key. Revision 2; revision 1 (name and title in clear, no person id)
 * is read through an upcaster.
 */
@Revision("2")
public record ParticipantAddedEvent(TripId tripId, String participantId, ParticipantKind kind, PersonId personId,
                                    SealedText name, SealedText title, String organisation, OperatorId operatorId) {
}
