package dk.greatercph.ope.query.report;

import dk.greatercph.ope.query.kpi.KpiReportView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The annual report the Region's committee reads. Delegations count in the year they were received (their date
 * received); the political trip is the annual trip of that calendar year.
 */
@Schema(name = "AnnualReport")
public record AnnualReportView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027") int year,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Delegations delegations,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) China china,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Outcomes outcomes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NotRealised notRealised,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Per operator its agreed targets beside the actuals, exactly as GET /api/kpis?year= gives them")
        List<KpiReportView.OperatorKpis> operators,
        @Schema(description = "The year's annual political trip and its report; absent when none was planned")
        PoliticalTrip politicalTrip) {

    /** Every request received in the year, from any country. */
    @Schema(name = "AnnualReportDelegations")
    public record Delegations(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "212") long received,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
                    Requests by sector (PUBLIC, PRIVATE, ACADEMIC, OTHER; every sector present), from the kind of \
                    delegation""") Map<String, Long> bySector,
            @Schema(example = "0.35", description = "PUBLIC / received; absent when nothing was received")
            Double publicShare,
            @Schema(example = "0.55", description = "PRIVATE / received; absent when nothing was received")
            Double privateShare,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Requests by kind of delegation")
            Map<String, Long> byType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Requests by country of origin (ISO 3166-1 alpha-2)") Map<String, Long> byCountry) {
    }

    /** The China effort's lens: requests from China (country CN). */
    @Schema(name = "AnnualReportChina")
    public record China(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "41") long received,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "17",
                    description = "From the province of Jiangsu, the Region's partner province") long jiangsu,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "24",
                    description = "From any other province, or none recorded") long restOfChina,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "By origin province (\"unknown\" when none was recorded)") Map<String, Long> byProvince) {
    }

    /** What the completed delegations of the year reported in their outcomes. */
    @Schema(name = "AnnualReportOutcomes")
    public record Outcomes(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "120") long completed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "14") long investmentLeads,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "6") long mousSigned,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3") long companiesEstablished,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "80") long jobsCreated,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2500",
                    description = "Tourists reported by delegations from China") long chineseTourists,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "7000",
                    description = "Their overnight stays") long chineseOvernightStays) {
    }

    /** Requests that did not become visits. */
    @Schema(name = "AnnualReportNotRealised")
    public record NotRealised(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "20",
                    description = "Declined by the desk (e.g. no business focus)") long declined,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "6",
                    description = "Cancelled by the delegation") long cancelled,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3",
                    description = "Withdrawn by the desk after the programme fell through") long withdrawn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Each of them, by date received")
            List<NotRealisedDelegation> delegations) {
    }

    /** One request that did not become a visit, and why. */
    @Schema(name = "AnnualReportNotRealisedDelegation")
    public record NotRealisedDelegation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String delegationId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String organisation,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CN") String country,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") LocalDate dateReceived,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"DECLINED", "CANCELLED", "WITHDRAWN"})
            String status,
            String reason) {
    }

    /** The annual political trip (R7) and, once completed, its report. */
    @Schema(name = "AnnualReportPoliticalTrip")
    public record PoliticalTrip(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String tripId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> destinations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") LocalDate startDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date") LocalDate endDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "COMPLETED",
                    allowableValues = {"PLANNED", "PROGRAMME_DRAFTED", "APPROVED", "COMPLETED", "CANCELLED"})
            String status,
            @Schema(description = "The trip report's outcomes; absent until the trip is completed") String outcomes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> agreementsSigned,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Each as \"operator: action\"")
            List<String> followUps) {
    }
}
