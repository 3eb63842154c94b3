package dk.greatercph.ope.query.kpi;

import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.query.support.ProjectionFeed;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.support.QueryDatabase;
import dk.greatercph.ope.query.support.TestYears;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.platform.time.OpeTime.COPENHAGEN;
import static org.assertj.core.api.Assertions.assertThat;

/** The KPI report: delegation events fed into the projection, one year's figures read through its query. */
class KpiProjectionTest {

    private final KpiProjection projection = new KpiProjection(QueryDatabase.jdbc(), new ProjectionWrites(QueryDatabase.dataSource()));
    private final ProjectionFeed feed = new ProjectionFeed(projection);

    /** A year of its own, so that no other test's delegations count in it. */
    private final int year = TestYears.next();
    private final OperatorId lead = new OperatorId("kpi" + UUID.randomUUID().toString().substring(0, 8));
    private final OperatorId declining = new OperatorId("kpi" + UUID.randomUUID().toString().substring(0, 8));

    /**
     * Two reports of one supporting operator in one batch (a replay, quick corrections): the driver joined the batch's
     * upserts into one statement, which PostgreSQL refused ("cannot affect row a second time"), and the batch was
     * rolled back and retried. The later report is what counts.
     */
    @Test
    void twoReportsOfOneSupportingOperatorInOneBatchLeaveTheLater() {
        KpiProjection batched = new KpiProjection(QueryDatabase.jdbc(),
                new ProjectionWrites(QueryDatabase.batchRewritingDataSource()));
        ProjectionFeed batchFeed = new ProjectionFeed(batched);
        Instant registered = ZonedDateTime.of(year, 3, 1, 9, 0, 0, 0, COPENHAGEN).toInstant();
        DelegationId id = new DelegationId("DEL-" + UUID.randomUUID());
        OperatorId supporting = new OperatorId("kpi" + UUID.randomUUID().toString().substring(0, 8));
        var result = new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(List.of(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("batch"))).executeWithResult(() -> {
            batchFeed.feed(id.value(), 0, new DelegationRegisteredEvent(id, Channel.EMBASSY, "Org " + id, "Jiangsu",
                    "Nanjing", DelegationType.BUSINESS, PoliticalLevel.PROVINCIAL, 12, LocalDate.of(year, 9, 1),
                    LocalDate.of(year, 9, 3), List.of(Theme.HEALTH_WELFARE_TECH), "Study visit", "Partners", "CN",
                    LocalDate.ofInstant(registered, OpeTime.COPENHAGEN)), registered);
            batchFeed.feed(id.value(), 1, new dk.greatercph.ope.events.delegation.SupportingOutcomeReportedEvent(id,
                    supporting, new Outcome("First", 1, List.of(), List.of("MoU"), List.of())), registered);
            batchFeed.feed(id.value(), 2, new dk.greatercph.ope.events.delegation.SupportingOutcomeReportedEvent(id,
                    supporting, new Outcome("Corrected", 4, List.of(), List.of(), List.of())), registered);
            return null;
        });
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();

        KpiReportView.Actuals actuals = actuals(projection.handle(new FindKpisQuery(year)), supporting);
        assertThat(actuals.investmentLeads()).isEqualTo(4);
        assertThat(actuals.mousSigned()).isZero();
    }

    @Test
    void aCompletedDelegationCountsForItsLeadAndTheDeskInTheYearItWasRegistered() {
        Instant registered = ZonedDateTime.of(year, 6, 1, 9, 0, 0, 0, COPENHAGEN).toInstant();
        Instant offered = registered.plus(1, ChronoUnit.DAYS);
        DelegationId id = new DelegationId("DEL-" + UUID.randomUUID());
        feed.feed(id.value(), 0, new DelegationRegisteredEvent(id, Channel.EMBASSY, "Org " + id, "Jiangsu", "Nanjing",
                DelegationType.BUSINESS, PoliticalLevel.PROVINCIAL, 12, LocalDate.of(year, 9, 1),
                LocalDate.of(year, 9, 3), List.of(Theme.HEALTH_WELFARE_TECH), "Study visit", "Partners", "CN",
                LocalDate.ofInstant(registered, OpeTime.COPENHAGEN)), registered);
        feed.feed(id.value(), 1, new DelegationRoutedEvent(id, lead, List.of(declining), 3, false, null), offered);
        feed.feed(id.value(), 2, new AssignmentOfferedEvent(id, lead, AssignmentRole.LEAD,
                offered.plus(3, ChronoUnit.DAYS)), offered);
        feed.feed(id.value(), 3, new AssignmentOfferedEvent(id, declining, AssignmentRole.SUPPORTING,
                offered.plus(3, ChronoUnit.DAYS)), offered);
        feed.feed(id.value(), 4, new AssignmentAcceptedEvent(id, lead, AssignmentRole.LEAD),
                offered.plus(2, ChronoUnit.HOURS));
        feed.feed(id.value(), 5, new AssignmentDeclinedEvent(id, declining, AssignmentRole.SUPPORTING, "No capacity",
                false), offered.plus(5, ChronoUnit.HOURS));
        feed.feed(id.value(), 6, new DelegationCompletedEvent(id, new Outcome("Went well", 3, List.of("Acme"),
                List.of("MoU 1", "MoU 2"), List.of())), offered.plus(30, ChronoUnit.DAYS));

        KpiReportView report = projection.handle(new FindKpisQuery(year));

        assertThat(report.desk().delegations()).isEqualTo(1);
        assertThat(report.desk().byType()).containsExactlyEntriesOf(Map.of("BUSINESS", 1L));
        assertThat(report.desk().byOriginProvince()).containsExactlyEntriesOf(Map.of("Jiangsu", 1L));
        KpiReportView.Actuals leads = actuals(report, lead);
        assertThat(leads.delegationsHandled()).isEqualTo(1);
        assertThat(leads.medianHoursToAccept()).isEqualTo(2.0);
        assertThat(leads.acceptanceRate()).isEqualTo(1.0);
        assertThat(leads.programmesDelivered()).isEqualTo(1);
        assertThat(leads.investmentLeads()).isEqualTo(3);
        assertThat(leads.mousSigned()).isEqualTo(2);
        KpiReportView.Actuals declines = actuals(report, declining);
        assertThat(declines.delegationsHandled()).isZero();
        assertThat(declines.acceptanceRate()).isEqualTo(0.0);
        assertThat(projection.handle(new FindKpisQuery(year + 1)).operators())
                .noneMatch(o -> o.operatorId().equals(lead.value()));
    }

    private static KpiReportView.Actuals actuals(KpiReportView report, OperatorId operator) {
        return report.operators().stream().filter(o -> o.operatorId().equals(operator.value())).findFirst()
                .orElseThrow().actuals();
    }
}
