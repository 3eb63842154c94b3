package dk.greatercph.ope.query.escalation;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * R5: one assignment the desk has to chase — offered and past its due time, or escalated by the deadline — with how
 * long it is overdue and the desk's next step. Times are in Europe/Copenhagen.
 */
@Schema(name = "Escalation", description = "An overdue or escalated assignment and what the desk does next (R5).")
public record EscalationView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Delegation delegation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AssignmentRole role,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"OFFERED", "ESCALATED"},
                description = "OFFERED: past its due time, the deadline has not escalated it yet") String state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                example = "2027-03-01T09:30:00+01:00") OffsetDateTime offeredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                example = "2027-03-04T09:30:00+01:00") OffsetDateTime dueAt,
        @Schema(format = "date-time", example = "2027-03-04T09:30:02+01:00",
                description = "When the deadline escalated it; absent while only overdue") OffsetDateTime escalatedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PT52H10M",
                description = "How long past its due time, as of the request (ISO 8601 duration; zero or more)")
        String overdueFor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3130",
                description = "The same in whole minutes, for sorting and thresholds") long overdueMinutes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NextStep nextStep) {

    /** The delegation the assignment belongs to. */
    @Schema(name = "EscalationDelegation")
    public record Delegation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission")
            String organisation,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-04-12")
            LocalDate wishedFrom,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-04-16")
            LocalDate wishedTo) {
    }

    /** What the desk does about it, and the API call that does it. */
    @Schema(name = "EscalationNextStep")
    public record NextStep(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "Re-route with an override or call the operator") String text,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "POST") String method,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "/api/delegations/DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21/routing") String path) {
    }
}
