package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

public record CompleteTripCommand(@TargetAggregateIdentifier TripId tripId, String outcomes,
                                  List<String> agreementsSigned, List<FollowUp> followUps,
                                  @TargetAggregateVersion Long expectedVersion) {
}
