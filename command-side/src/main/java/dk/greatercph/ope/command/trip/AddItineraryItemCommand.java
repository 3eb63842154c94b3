package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDateTime;

public record AddItineraryItemCommand(@TargetAggregateIdentifier TripId tripId, String itemId, LocalDateTime startsAt,
                                      LocalDateTime endsAt, String city, String counterpart, String description,
                                      OperatorId objectiveOperator, String objectiveCompany, String timeZone,
                                      @TargetAggregateVersion Long expectedVersion) {
}
