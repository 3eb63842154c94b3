package dk.greatercph.ope.query.trip;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** One outgoing political trip with its participants, itinerary and report. */
@Schema(name = "Trip")
public record TripView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027") int year,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Annual political trip to Jiangsu") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> destinations,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") LocalDate startDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") LocalDate endDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "\"[erased]\" once the leader's data was erased")
        String leader,
        @Schema(example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a",
                description = "The leader as a data subject: for right of access and erasure")
        String leaderPersonId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A further trip in a year that has its annual trip (R7)")
        boolean extraordinary,
        String extraordinaryReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "APPROVED",
                allowableValues = {"PLANNED", "PROGRAMME_DRAFTED", "APPROVED", "COMPLETED", "CANCELLED"})
        String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Participant> participants,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ItineraryItem> itinerary,
        Report report,
        String cancellationReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "4") long version) {

    /** Someone travelling. */
    @Schema(name = "TripParticipant")
    public record Participant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String participantId,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                      allowableValues = {"POLITICIAN", "OFFICIAL", "OPERATOR", "COMPANY"}) String kind,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                      example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a") String personId,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                      description = "\"[erased]\" once the person's data was erased") String name,
                              String title, String organisation, String operatorId) {
    }

    /** A meeting or visit, in local time at the destination with that zone's offset. */
    @Schema(name = "TripItineraryItem")
    public record ItineraryItem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String itemId,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                                        example = "2027-05-11T10:00:00+08:00",
                                        description = "Local time at the destination, with the offset of timeZone")
                                OffsetDateTime startsAt,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                                        example = "2027-05-11T12:00:00+08:00") OffsetDateTime endsAt,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Asia/Shanghai",
                                        description = "IANA time zone of the item; Asia/Shanghai for items recorded "
                                                + "before items had one") String timeZone,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String city,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String counterpart,
                                String description, String objectiveOperator, String objectiveCompany) {

        /** The times as they read in the item's own zone (a stored offset may have been normalised to UTC). */
        ItineraryItem inOwnZone() {
            ZoneId zone = ZoneId.of(timeZone);
            return new ItineraryItem(itemId, startsAt.atZoneSameInstant(zone).toOffsetDateTime(),
                    endsAt.atZoneSameInstant(zone).toOffsetDateTime(), timeZone, city, counterpart, description,
                    objectiveOperator, objectiveCompany);
        }
    }

    /** What the trip achieved. */
    @Schema(name = "TripReport")
    public record Report(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String outcomes,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> agreementsSigned,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FollowUp> followUps) {
    }

    /** A follow-up handed to an operator. */
    @Schema(name = "TripReportFollowUp")
    public record FollowUp(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String operatorId,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String action) {
    }
}
