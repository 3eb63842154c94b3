package dk.greatercph.ope.query.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import dk.greatercph.ope.query.replay.ViewProblem;

/** KPI targets against actuals. */
@RestController
@RequestMapping(path = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "KPIs (queries)",
        description = "KPI targets agreed with each operator against the actuals the event history shows.")
class KpiQueryController {

    private final QueryGateway queryGateway;

    private final ProjectionProgress progress;

    KpiQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping
    @Operation(summary = "KPI targets against actuals per operator, and the desk's figures, for one year",
            description = """
                    A delegation counts in the year it was received (its date received). Delegations handled: \
                    accepted lead assignments; median time to accept: offer to acceptance in hours; acceptance rate: \
                    accepted / (accepted + declined + escalated) offers; programmes delivered, investment leads, \
                    MoUs, companies attracted (companies established) and jobs created: completed delegations the \
                    operator led, from their outcome reports; tourists: the same, counting delegations from China \
                    (country CN) only. Chinese delegations and the provinces count country CN only.""")
    KpiReportView kpis(@Parameter(description = "The calendar year", required = true, example = "2027")
                       @RequestParam @Min(1900) @Max(9999) int year) {
        // rebuilt, the figures counted up from 0: 200 with every operator's delegations handled 0
        for (String view : java.util.List.of(KpiProjection.NAME, "operator-directory")) {
            progress.requireNotRebuilding(view, ViewProblem.PROJECTION_BEHIND);
        }
        return queryGateway.query(new FindKpisQuery(year), ResponseTypes.instanceOf(KpiReportView.class)).join();
    }
}
