package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The commands of an outgoing political trip. */
public final class TripCommands {

    private TripCommands() {
    }

    /**
     * Plan a trip; a second trip in the same year needs {@code extraordinaryReason} (R7). The leader's name
     * arrives clear and is sealed with {@code leaderPersonId}'s key.
     */
    public record PlanTrip(@TargetAggregateIdentifier TripId tripId, int year, String title,
                           List<String> destinations, LocalDate startDate, LocalDate endDate, String leader,
                           PersonId leaderPersonId, String extraordinaryReason) {

        @Override
        public String toString() {
            return "PlanTrip[" + tripId + ", " + year + ", " + leaderPersonId + "]";
        }
    }

    /** Add a participant; name and title arrive clear and are sealed with the person's key. */
    public record AddParticipant(@TargetAggregateIdentifier TripId tripId, String participantId,
                                 ParticipantKind kind, PersonId personId, String name, String title,
                                 String organisation, OperatorId operatorId,
                                 @TargetAggregateVersion Long expectedVersion) {

        @Override
        public String toString() {
            return "AddParticipant[" + tripId + ", " + participantId + ", " + personId + "]";
        }
    }

    public record RemoveParticipant(@TargetAggregateIdentifier TripId tripId, String participantId,
                                    @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddItineraryItem(@TargetAggregateIdentifier TripId tripId, String itemId, LocalDateTime startsAt,
                                   LocalDateTime endsAt, String city, String counterpart, String description,
                                   OperatorId objectiveOperator, String objectiveCompany,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApproveTrip(@TargetAggregateIdentifier TripId tripId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CompleteTrip(@TargetAggregateIdentifier TripId tripId, String outcomes,
                               List<String> agreementsSigned, List<FollowUp> followUps,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    public record CancelTrip(@TargetAggregateIdentifier TripId tripId, String reason,
                             @TargetAggregateVersion Long expectedVersion) {
    }
}
