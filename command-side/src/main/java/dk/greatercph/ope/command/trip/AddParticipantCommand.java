package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add a participant; name and title arrive clear and are sealed with the person's key. */
public record AddParticipantCommand(@TargetAggregateIdentifier TripId tripId, String participantId,
                                    ParticipantKind kind, PersonId personId, String name, String title,
                                    String organisation, OperatorId operatorId,
                                    @TargetAggregateVersion Long expectedVersion) {

    @Override
    public String toString() {
        return "AddParticipantCommand[" + tripId + ", " + participantId + ", " + personId + "]";
    }
}
