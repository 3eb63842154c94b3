package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One delegation with everything the desk and its operators need: programme, assignments, scope requests, the
 * routing that decided it, the refusals it met and its outcome. Times are in Europe/Copenhagen. The board's fields
 * ({@link DelegationView}) are written inline, beside the details, as one JSON object.
 */
@Schema(name = "DelegationDetail", description = "One delegation with its programme, assignments and history of decisions.")
public record DelegationDetailView(
        @JsonUnwrapped DelegationView delegation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The earlier requests this one repeats (R8).")
        List<String> earlierRequests,
        @Schema(example = "Concrete demand for tele-health pilots") String businessOpportunityAssessment,
        @Schema(description = "The latest routing; absent before routing.") Routing routing,
        @Schema(description = "Why the desk declined or withdrew it or the delegation cancelled, when it did.")
        String closingReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The current programme, by start time.")
        List<ProgrammeItem> programme,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Assignment> assignments,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ScopeRequest> scopeRequests,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Routing and confirmation refusals, oldest first.")
        List<Refusal> refusals,
        @Schema(description = "The outcome report; present once the delegation is completed.") Outcome outcome,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What each supporting operator reported "
                + "of the completed visit for itself, by operator; empty until one reports.")
        List<SupportingOutcome> supportingOutcomes) {

    /** R1: the routing-table version that decided the routing, or the desk's override and its reason. */
    @Schema(name = "DelegationRouting")
    public record Routing(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "7") long version,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean override,
            @Schema(example = "The chair asked for the Region's administration to lead") String reason) {
    }

    /** A partner or venue by id and name. */
    @Schema(name = "NamedReference")
    public record Named(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VEN-1c0d7a52-77c1-4b8a-9d3e-2f4a5b6c7d8e") String id,
            @Schema(description = "Absent while the reference is not (yet) known to the query side.", example = "Rigshospitalet")
            String name) {
    }

    /** R3: who pays for an item hosted by a hospital or held at one. */
    @Schema(name = "CostCoverage")
    public record CostCoverage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission") String payer,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Fixed fee per visit") String basis,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "25000.00") BigDecimal amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DKK") String currency) {
    }

    /** One item of the visit programme. */
    @Schema(name = "ProgrammeItem")
    public record ProgrammeItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ITM-1") String itemId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProgrammeItemKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Tele-health ward visit") String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2027-04-13T10:00:00+02:00")
            OffsetDateTime startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2027-04-13T12:00:00+02:00")
            OffsetDateTime endsAt,
            Named venue,
            Named host,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hostIsHospital,
            @Schema(example = "chc") String plannedBy,
            @Schema(description = "Present once recorded (R3).") CostCoverage costCoverage,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"TENTATIVE", "CONFIRMED", "CANCELLED"},
                    description = "Confirmed with the delegation; a change after that makes it tentative again. "
                            + "CANCELLED once the delegation is declined, cancelled or withdrawn, as the schedule "
                            + "and the calendar feed say.")
            String status,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The venue is a hospital (R3).")
            boolean venueIsHospital,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
                    R3: hosted by a hospital, held at a hospital venue or a hospital visit by its kind, so the \
                    delegation is confirmed only once cost coverage is recorded for it.""")
            boolean needsCostCoverage,
            @Schema(description = "How many the venue seats, as registered; absent while the venue is not (yet) known "
                    + "to the query side. A programme can compare it with the delegation's head count.", example = "40")
            Integer venueCapacity) {

        /** This item of a delegation that will not take place. */
        ProgrammeItem cancelled() {
            return new ProgrammeItem(itemId, kind, title, startsAt, endsAt, venue, host, hostIsHospital, plannedBy,
                    costCoverage, "CANCELLED", venueIsHospital, needsCostCoverage, venueCapacity);
        }
    }

    /** An operator's assignment on this delegation. */
    @Schema(name = "Assignment")
    public record Assignment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AssignmentRole role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"OFFERED", "ACCEPTED", "DECLINED", "ESCALATED", "WITHDRAWN"}) String state,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") OffsetDateTime offeredAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") OffsetDateTime dueAt,
            @Schema(format = "date-time") OffsetDateTime answeredAt,
            @Schema(description = "The operator's reason for declining.") String reason,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Unanswered (offered or escalated) and past its due time, as of the request.")
            boolean overdue,
            @Schema(description = "The operator's name; absent while the operator is not (yet) known to the query side.",
                    example = "Copenhagen Healthtech Cluster") String operatorName) {
    }

    /** R4: a request for more themes after routing, and the desk's decision. */
    @Schema(name = "ScopeRequest")
    public record ScopeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "SCP-1") String requestId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Theme> themes,
            String reason,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"REQUESTED", "APPROVED", "REJECTED"})
            String state,
            @Schema(description = "The desk's reason for a rejection.") String decisionReason) {
    }

    /** A routing or confirmation the command side refused, as recorded for auditors. */
    @Schema(name = "Refusal")
    public record Refusal(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"ROUTING", "CONFIRMATION"}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "NO_BUSINESS_FOCUS") String code,
            String reason,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The programme items concerned, if any.")
            List<String> itemIds,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant refusedAt) {
    }

    /** What the visit achieved. */
    @Schema(name = "Outcome")
    public record Outcome(
            String summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") int investmentLeads,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> companies,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> mous,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FollowUp> followUps,
            @Schema(example = "1", description = NOT_REPORTED) Integer companiesEstablished,
            @Schema(example = "25", description = NOT_REPORTED) Integer jobsCreated,
            @Schema(example = "400", description = NOT_REPORTED) Integer tourists,
            @Schema(example = "1200", description = NOT_REPORTED) Integer overnightStays) {

        static final String NOT_REPORTED = "Absent (null) when not reported (the KPIs count it as 0). Outcomes recorded "
                + "before a figure could be left out hold 0 for a figure not reported.";
    }

    /** A supporting operator's own outcome of the visit; its figures count in that operator's KPIs. */
    @Schema(name = "SupportingOutcomeReport")
    public record SupportingOutcome(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
            @Schema(example = "Copenhagen Healthtech Cluster") String operatorName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "A hospital partner signed a letter of intent")
            String summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") int investmentLeads,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> companies,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> mous,
            @Schema(example = "1", description = Outcome.NOT_REPORTED) Integer companiesEstablished,
            @Schema(example = "10", description = Outcome.NOT_REPORTED) Integer jobsCreated,
            @Schema(example = "50", description = Outcome.NOT_REPORTED) Integer tourists,
            @Schema(example = "150", description = Outcome.NOT_REPORTED) Integer overnightStays,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant reportedAt) {
    }

    /** Something an operator is to pursue after the visit. */
    @Schema(name = "OutcomeFollowUp")
    public record FollowUp(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "copcap") String operatorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String action) {
    }
}
