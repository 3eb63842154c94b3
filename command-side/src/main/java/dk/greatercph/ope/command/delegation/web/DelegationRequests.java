package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.platform.input.MultilineText;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import dk.greatercph.ope.platform.input.CopenhagenDateTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import dk.greatercph.ope.events.person.PersonId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Request bodies of the delegation lifecycle commands. */
final class DelegationRequests {

    static final String OPERATOR_ID = "[a-z][a-z0-9-]{1,31}";
    static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?";

    private DelegationRequests() {
    }

    @Schema(name = "ScreenDelegationRequest")
    record Screening(
            @Schema(example = "Concrete tele-health partnership sought; two companies named", maxLength = 4000)
            @Size(max = 4000) @MultilineText String businessOpportunityAssessment) {
    }

    @Schema(name = "StateBusinessOpportunityRequest")
    record BusinessOpportunity(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "Two Jiangsu companies look for Danish partners in tele-health", maxLength = 4000)
            @NotBlank @Size(max = 4000) @MultilineText String businessOpportunity) {
    }

    @Schema(name = "RouteDelegationRequest",
            description = "Empty to route by the routing table (R1); with overrideLead and reason to override it")
    record Routing(
            @Schema(example = "copcap", pattern = OPERATOR_ID) @Pattern(regexp = OPERATOR_ID) String overrideLead,
            @ArraySchema(arraySchema = @Schema(example = "[\"chc\"]"), uniqueItems = true, maxItems = 10)
            @Size(max = 10) @UniqueElements List<@NotNull @Pattern(regexp = OPERATOR_ID) String> overrideSupporting,
            @Schema(example = "The delegation asked for Copenhagen Capacity by name", maxLength = 2000)
            @Size(max = 2000) @MultilineText String reason) {
    }

    @Schema(name = "ReasonRequest")
    record Reason(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "No capacity in the requested week", maxLength = 2000)
            @NotBlank @Size(max = 2000) @MultilineText String reason) {
    }

    @Schema(name = "ScopeExpansionRequest")
    record ScopeExpansion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"TOURISM\"]")
            // in the order sent, so that a refusal names the theme by its place in the list
            @NotEmpty @Size(max = 8) java.util.LinkedHashSet<@NotNull Theme> themes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The delegation also wants to meet tourism actors",
                    maxLength = 2000)
            @NotBlank @Size(max = 2000) @MultilineText String reason) {
    }

    @Schema(name = "ProgrammeItemRequest")
    @ItemTimeRules
    record ProgrammeItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HOSPITAL_VISIT") @NotNull ProgrammeItemKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Visit to the tele-medicine centre", maxLength = 200)
            @NotBlank @Size(max = 200) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2027-04-13T10:00:00+02:00",
                    description = "ISO-8601; without an offset it is local time in Europe/Copenhagen")
            @NotBlank @Pattern(regexp = DATE_TIME) @CopenhagenDateTime String startsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2027-04-13T12:00:00+02:00")
            @NotBlank @Pattern(regexp = DATE_TIME) @CopenhagenDateTime String endsAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VEN-0b6c2b7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d")
            @NotBlank @Size(max = 64) String venueId,
            @Schema(example = "PRT-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", description = "The hosting partner, if any")
            @Size(max = 64) String hostId) {
    }

    @Schema(name = "CostCoverageRequest")
    record CostCoverage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission", maxLength = 200)
            @NotBlank @Size(max = 200) String payer,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Signed cooperation agreement 2027-03", maxLength = 500)
            @NotBlank @Size(max = 500) String basis,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "45000.00", maximum = "999999999999.999",
                    description = "Above zero (an agreement that nobody pays covers nothing), with at most 12 digits "
                            + "before the decimal point and no more after it than the currency has (2 for DKK, 0 for "
                            + "JPY, 3 for BHD; 400 INVALID_AMOUNT)")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal amount,
            @Schema(example = "DKK", pattern = "[A-Z]{3}",
                    description = "ISO 4217, not XXX (no currency) or XTS (testing); DKK when omitted")
            @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    @Schema(name = "AddMemberRequest", description = "A delegation member or contact; name, title, e-mail and phone are "
            + "personal data and stored only encrypted with the person's own key")
    record Member(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Li Wei", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(example = "Deputy Director", maxLength = 200) @Size(max = 200) String title,
            @Schema(example = "li.wei@example.cn", maxLength = 200, format = "email")
            @jakarta.validation.constraints.Email @Size(max = 200) String email,
            @Schema(example = "+86 25 1234 5678", maxLength = 50) @Size(max = 50) String phone,
            @Schema(example = "Jiangsu Provincial Health Commission", maxLength = 200) @Size(max = 200) String organisation,
            @Schema(example = "false", description = "The delegation's contact person") Boolean contact,
            @Schema(example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a", pattern = PersonId.FORMAT,
                    description = "An existing person's id to link the same person; a new person otherwise")
            @Pattern(regexp = PersonId.FORMAT) String personId) {
    }

    @Schema(name = "MemberAdded")
    record MemberAdded(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MEM-5d0c7b1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a",
                    description = "The data subject's id: for right of access and erasure") String personId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5") long version) {
    }

    @Schema(name = "CompleteDelegationRequest", description = "The outcome report that feeds the operators' KPIs")
    record Completion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Two companies will visit Jiangsu in the autumn",
                    maxLength = 10000)
            @NotBlank @Size(max = 10000) @MultilineText String summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2", minimum = "0")
            @NotNull @Min(0) @Max(10_000) Integer investmentLeads,
            @Schema(example = "[\"Welfare Robotics ApS\"]") @Size(max = 100) @UniqueElements List<@NotBlank @Size(max = 200) String> companies,
            @Schema(example = "[\"MoU on elder-care technology\"]") @Size(max = 100) @UniqueElements List<@NotBlank @Size(max = 500) String> mous,
            @Schema(description = "Follow-ups handed to operators, each once") @Size(max = 50) @UniqueElements List<@Valid @NotNull FollowUp> followUps,
            @Schema(description = "Companies established in the region as a result; left out when not reported (the KPIs count it as 0)", example = "1",
                    minimum = "0", maximum = "10000")
            @Min(0) @Max(10_000) Integer companiesEstablished,
            @Schema(description = "Jobs created; left out when not reported", example = "25", minimum = "0", maximum = "1000000")
            @Min(0) @Max(1_000_000) Integer jobsCreated,
            @Schema(description = "Tourists the visit brought or is to bring (Chinese tourists for a delegation from China); left out when not reported",
                    example = "400", minimum = "0", maximum = "10000000")
            @Min(0) @Max(10_000_000) Integer tourists,
            @Schema(description = "Those tourists' overnight stays; left out when not reported", example = "1200", minimum = "0",
                    maximum = "100000000")
            @Min(0) @Max(100_000_000) Integer overnightStays) {
    }

    @Schema(name = "ReportSupportingOutcomeRequest", description = "A supporting operator's own outcome of a completed visit, which feeds its KPIs")
    record SupportingOutcome(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "A hospital partner signed a letter of intent",
                    maxLength = 10000)
            @NotBlank @Size(max = 10000) @MultilineText String summary,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1", minimum = "0", maximum = "10000")
            @NotNull @Min(0) @Max(10_000) Integer investmentLeads,
            @Schema(example = "[\"Nordic MedTech A/S\"]") @Size(max = 100) @UniqueElements List<@NotBlank @Size(max = 200) String> companies,
            @Schema(example = "[\"Letter of intent on tele-health\"]") @Size(max = 100) @UniqueElements List<@NotBlank @Size(max = 500) String> mous,
            @Schema(description = "Companies established in the region as a result; left out when not reported (the KPIs count it as 0)", example = "1",
                    minimum = "0", maximum = "10000")
            @Min(0) @Max(10_000) Integer companiesEstablished,
            @Schema(description = "Jobs created; left out when not reported", example = "10", minimum = "0", maximum = "1000000")
            @Min(0) @Max(1_000_000) Integer jobsCreated,
            @Schema(description = "Tourists the visit brought or is to bring (Chinese tourists for a delegation from China); left out when not reported",
                    example = "50", minimum = "0", maximum = "10000000")
            @Min(0) @Max(10_000_000) Integer tourists,
            @Schema(description = "Those tourists' overnight stays; left out when not reported", example = "150", minimum = "0",
                    maximum = "100000000")
            @Min(0) @Max(100_000_000) Integer overnightStays) {
    }

    @Schema(name = "DelegationFollowUp")
    record FollowUp(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "copcap", pattern = OPERATOR_ID)
            @NotNull @Pattern(regexp = OPERATOR_ID) String operatorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Invite the investor to the site tour", maxLength = 1000)
            @NotBlank @Size(max = 1000) @MultilineText String action) {
    }
}
