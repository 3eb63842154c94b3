package dk.greatercph.ope.query.kpi;

import dk.greatercph.ope.events.operator.KpiKind;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * One year's KPIs: per operator its agreed targets beside the actuals derived from events, and the desk's own
 * figures. Every actual counts the delegations received in that year (their date received).
 */
@Schema(name = "KpiReport")
public record KpiReportView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027") int year,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<OperatorKpis> operators,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Desk desk) {

    /** One operator's year. */
    @Schema(name = "OperatorKpis")
    public record OperatorKpis(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
            @Schema(example = "Copenhagen Healthtech Cluster") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The agreed targets, each beside its actual")
            List<Target> targets,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Actuals actuals) {
    }

    /** An agreed target and what was achieved; every kind that can be agreed has an actual. */
    @Schema(name = "KpiTargetWithActual")
    public record Target(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) KpiKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "20") long target,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The matching figure of the actuals",
                    example = "14") Long actual) {
    }

    /** What an operator's delegations of the year produced. */
    @Schema(name = "KpiActuals")
    public record Actuals(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "14",
                    description = "Delegations on which the operator accepted the lead") long delegationsHandled,
            @Schema(example = "20.5", description = "Median hours from offer to acceptance, over accepted offers (any role); absent without any")
            Double medianHoursToAccept,
            @Schema(example = "0.75", description = "Accepted offers / offers answered (accepted or declined) or escalated; absent without any")
            Double acceptanceRate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9",
                    description = "Completed delegations the operator led") long programmesDelivered,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5",
                    description = "Investment leads of the completed delegations it led") long investmentLeads,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2",
                    description = "Memoranda of understanding of the completed delegations it led") long mousSigned,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1",
                    description = "Companies established, from the outcomes of the completed delegations it led")
            long companiesAttracted,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "25",
                    description = "Jobs created, from the outcomes of the completed delegations it led") long jobsCreated,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "400", description = """
                    Chinese tourists: the tourists reported in the outcomes of the completed delegations from China \
                    (country CN) it led""") long tourists) {
    }

    /** The desk's figures for the year. */
    @Schema(name = "KpiDesk")
    public record Desk(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "56") long delegations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "41",
                    description = "Delegations from China (country CN)") long chineseDelegations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Delegations by type")
            Map<String, Long> byType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Chinese delegations by origin province (\"unknown\" when none was recorded)")
            Map<String, Long> byOriginProvince,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Delegations by country of origin (ISO 3166-1 alpha-2)")
            Map<String, Long> byCountry,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = """
                            Delegations that were not realised, by how: DECLINED by the desk, CANCELLED by the delegation, \
                            WITHDRAWN by the desk after its programme fell through; each key always present""")
            Map<String, Long> notRealised) {
    }
}
