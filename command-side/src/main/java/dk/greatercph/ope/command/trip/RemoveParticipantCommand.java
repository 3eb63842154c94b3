package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveParticipantCommand(@TargetAggregateIdentifier TripId tripId, String participantId,
                                       @TargetAggregateVersion Long expectedVersion) {
}
