package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.platform.input.MultilineText;
import dk.greatercph.ope.events.trip.ParticipantKind;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import dk.greatercph.ope.events.person.PersonId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Request bodies of the trip commands. */
final class TripRequests {

    static final String OPERATOR_ID = "[a-z][a-z0-9-]{1,31}";

    private TripRequests() {
    }

    @Schema(name = "PlanTripRequest")
    @TripPlanRules
    record Plan(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027") @NotNull @Min(2013) @Max(2100) Integer year,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Annual political trip to Jiangsu", maxLength = 200)
            @NotBlank @Size(max = 200) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"Nanjing\", \"Suzhou\", \"Shanghai\"]")
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> destinations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-05-10") @NotNull LocalDate startDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-05-16") @NotNull LocalDate endDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Chair of the Regional Council", maxLength = 200)
            @NotBlank @Size(max = 200) String leader,
            @Schema(example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a", pattern = PersonId.FORMAT,
                    description = "The leader's person id if the system already holds them (e.g. from an earlier "
                            + "trip); a new person otherwise. The leader's name is personal data, stored sealed.")
            @Pattern(regexp = PersonId.FORMAT) String leaderPersonId,
            @Schema(example = "Signing of the renewed Jiangsu agreement", maxLength = 2000,
                    description = "Makes the trip extraordinary (rule R7): required when the year already has its "
                            + "annual trip; given for the year's first trip, it leaves the annual trip's place free")
            @Size(max = 2000) @MultilineText String extraordinaryReason) {
    }

    @Schema(name = "AddParticipantRequest")
    record Participant(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "POLITICIAN") @NotNull ParticipantKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Sophie Hæstorp Andersen", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(example = "Chair of the Regional Council", maxLength = 200) @Size(max = 200) String title,
            @Schema(example = "Region Hovedstaden", maxLength = 200) @Size(max = 200) String organisation,
            @Schema(example = "chc", pattern = OPERATOR_ID, description = "Required for kind OPERATOR")
            @Pattern(regexp = OPERATOR_ID) String operatorId,
            @Schema(example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a", pattern = PersonId.FORMAT,
                    description = "An existing person's id, to link the same person across trips and delegations; "
                            + "a new person otherwise")
            @Pattern(regexp = PersonId.FORMAT) String personId) {
    }

    @Schema(name = "AddItineraryItemRequest")
    @ItineraryItemRules
    record ItineraryItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-05-11T10:00:00")
            @NotNull ItineraryTime startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-05-11T12:00:00")
            @NotNull ItineraryTime endsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Nanjing", maxLength = 100)
            @NotBlank @Size(max = 100) String city,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission", maxLength = 200)
            @NotBlank @Size(max = 200) String counterpart,
            @Schema(example = "Meeting on elder-care technology", maxLength = 2000) @Size(max = 2000) @MultilineText String description,
            @Schema(example = "chc", pattern = OPERATOR_ID) @Pattern(regexp = OPERATOR_ID) String objectiveOperator,
            @Schema(example = "Welfare Robotics ApS", maxLength = 200) @Size(max = 200) String objectiveCompany,
            @Schema(example = "Asia/Shanghai", maxLength = 64, description = """
                    The IANA time zone of the local times; Asia/Shanghai (China Standard Time) when absent, since \
                    the trips go to China. Anything else than an IANA zone id is 400 INVALID_TIME_ZONE.""")
            @Size(max = 64) String timeZone) {
    }

    @Schema(name = "CompleteTripRequest")
    record Completion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Agreement renewed; three investment leads", maxLength = 10000)
            @NotBlank @Size(max = 10000) @MultilineText String outcomes,
            @Schema(example = "[\"MoU on health cooperation 2027-2030\"]")
            @Size(max = 50) @UniqueElements List<@NotBlank @Size(max = 500) String> agreementsSigned,
            @Schema(description = "Follow-ups handed to named operators, each once")
            @Size(max = 50) @UniqueElements List<@Valid @NotNull FollowUp> followUps) {
    }

    @Schema(name = "TripFollowUp")
    record FollowUp(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "copcap", pattern = OPERATOR_ID)
            @NotNull @Pattern(regexp = OPERATOR_ID) String operatorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Follow up on the battery plant lead", maxLength = 1000)
            @NotBlank @Size(max = 1000) @MultilineText String action) {
    }

    @Schema(name = "CancelTripRequest")
    record Cancellation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Postponed by the host province", maxLength = 2000)
            @NotBlank @Size(max = 2000) @MultilineText String reason) {
    }
}
