package dk.greatercph.ope.query.trip;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** A follow-up a completed trip's report handed to an operator, with the trip it came from. */
@Schema(name = "TripFollowUp")
public record TripFollowUpView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e")
        String tripId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Political delegation to Jiangsu 2027")
        String tripTitle,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027") int year,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-05-15",
                description = "The trip's last day") LocalDate endDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "copcap") String operatorId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Follow up the battery plant lead")
        String action) {
}
