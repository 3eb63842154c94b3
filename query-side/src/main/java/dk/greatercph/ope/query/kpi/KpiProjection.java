package dk.greatercph.ope.query.kpi;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.SupportingOutcomeReportedEvent;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.replay.ProjectionTables;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dk.greatercph.ope.platform.time.OpeTime.utc;

/**
 * Projects what the KPIs are computed from: one row per delegation (year of receipt, type, country and province of
 * origin, lead, outcome and its figures, or how it was not realised) and one per assignment offer with how it was
 * answered, and each supporting operator's own outcome of a completed visit, which counts in that operator's figures
 * beside the visits it led. Rows carry the sequence number of the last event applied, so a repeated event changes nothing.
 */
@Component
@ProcessingGroup(KpiProjection.NAME)
class KpiProjection {

    static final String NAME = "kpi";

    private static final int YEARS_KEPT = 32;

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    /** The last report computed per year, with the change count it was computed at; shared by every reader. */
    private final Cache<Integer, Computed> reports = Caffeine.newBuilder().maximumSize(YEARS_KEPT).build();

    KpiProjection(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.sql(NAME, """
                        INSERT INTO kpi_delegation (delegation_id, year, delegation_type, origin_province, country,
                            version)
                        VALUES (:id, :year, :type, :province, :country, :version)
                        ON CONFLICT (delegation_id) DO NOTHING
                        """)
                .param("id", event.delegationId().value())
                .param("year", event.dateReceived().getYear())
                .param("type", event.delegationType().name()).param("province", event.originProvince())
                .param("country", event.country())
                .param("version", version).of(event.delegationId().value()).update();
    }

    /** A corrected request counts in the year, kind and origin it was corrected to. */
    @EventHandler
    void on(RequestCorrectedEvent event, @SequenceNumber long version) {
        writes.sql(NAME, """
                        UPDATE kpi_delegation SET year = :year, delegation_type = :type, origin_province = :province,
                            country = :country, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value())
                .param("year", event.dateReceived().getYear())
                .param("type", event.delegationType().name()).param("province", event.originProvince())
                .param("country", event.country())
                .param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationRoutedEvent event, @SequenceNumber long version) {
        writes.sql(NAME, """
                        UPDATE kpi_delegation SET lead_operator = :lead, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value()).param("lead", event.lead().value())
                .param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationCompletedEvent event, @SequenceNumber long version) {
        var outcome = event.outcome();
        writes.sql(NAME, """
                        UPDATE kpi_delegation SET completed = TRUE, investment_leads = :leads, mous = :mous,
                            companies_established = :companies, jobs_created = :jobs, tourists = :tourists,
                            overnight_stays = :stays, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value())
                .param("leads", outcome == null ? 0 : outcome.investmentLeads())
                .param("mous", outcome == null ? 0 : outcome.mous().size())
                .param("companies", outcome == null ? 0 : Outcome.counted(outcome.companiesEstablished()))
                .param("jobs", outcome == null ? 0 : Outcome.counted(outcome.jobsCreated()))
                .param("tourists", outcome == null ? 0 : Outcome.counted(outcome.tourists()))
                .param("stays", outcome == null ? 0 : Outcome.counted(outcome.overnightStays()))
                .param("version", version).of(event.delegationId().value()).update();
    }

    /**
     * A supporting operator's own report replaces its earlier one; its figures count in its KPIs. Its row is written
     * from a {@code SELECT}, not {@code VALUES}: the driver joins a batch's {@code INSERT … VALUES} into one statement
     * ({@code reWriteBatchedInserts}), and two reports of one operator in one batch then made PostgreSQL refuse it ("ON
     * CONFLICT DO UPDATE command cannot affect row a second time"), rolling the batch back and retrying it.
     */
    @EventHandler
    void on(SupportingOutcomeReportedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        var outcome = event.outcome();
        writes.sql(NAME, """
                        INSERT INTO kpi_supporting_outcome (delegation_id, operator_id, summary, investment_leads,
                            companies, mous, companies_established, jobs_created, tourists, overnight_stays,
                            reported_at, version)
                        SELECT CAST(:id AS TEXT), CAST(:operator AS TEXT), CAST(:summary AS TEXT),
                            CAST(:leads AS INTEGER), CAST(:companies AS TEXT[]), CAST(:mous AS TEXT[]),
                            CAST(:established AS INTEGER), CAST(:jobs AS INTEGER), CAST(:tourists AS INTEGER),
                            CAST(:stays AS INTEGER), CAST(:at AS TIMESTAMPTZ), CAST(:version AS BIGINT)
                        ON CONFLICT (delegation_id, operator_id) DO UPDATE SET summary = EXCLUDED.summary,
                            investment_leads = EXCLUDED.investment_leads, companies = EXCLUDED.companies,
                            mous = EXCLUDED.mous, companies_established = EXCLUDED.companies_established,
                            jobs_created = EXCLUDED.jobs_created, tourists = EXCLUDED.tourists,
                            overnight_stays = EXCLUDED.overnight_stays, reported_at = EXCLUDED.reported_at,
                            version = EXCLUDED.version
                        WHERE kpi_supporting_outcome.version < EXCLUDED.version
                        """)
                .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                .param("summary", outcome.summary()).param("leads", outcome.investmentLeads())
                .param("companies", outcome.companies().toArray(String[]::new))
                .param("mous", outcome.mous().toArray(String[]::new))
                .param("established", outcome.companiesEstablished()).param("jobs", outcome.jobsCreated())
                .param("tourists", outcome.tourists()).param("stays", outcome.overnightStays())
                .param("at", utc(at)).param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), "DECLINED", version);
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), "CANCELLED", version);
    }

    /** The desk's withdrawal counts as not realised, as a cancellation does: the visit did not take place. */
    @EventHandler
    void on(DelegationWithdrawnEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), "WITHDRAWN", version);
    }

    private void notRealised(DelegationId id, String how, long version) {
        writes.sql(NAME, """
                        UPDATE kpi_delegation SET not_realised = :how, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", id.value()).param("how", how).param("version", version).of(id.value()).update();
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.sql(NAME, """
                        INSERT INTO kpi_offer (delegation_id, offer_version, operator_id, role, state, offered_at, version)
                        VALUES (:id, :version, :operator, :role, 'OFFERED', :at, :version)
                        ON CONFLICT (delegation_id, offer_version) DO NOTHING
                        """)
                .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                .param("role", event.role().name()).param("at", utc(at)).param("version", version)
                .of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(AssignmentAcceptedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        answer(event.delegationId(), event.operatorId(), "ACCEPTED", at, version);
    }

    @EventHandler
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        answer(event.delegationId(), event.operatorId(), "DECLINED", at, version);
    }

    @EventHandler
    void on(AssignmentEscalatedEvent event, @SequenceNumber long version) {
        answer(event.delegationId(), event.operatorId(), "ESCALATED", null, version);
    }

    @EventHandler
    void on(AssignmentWithdrawnEvent event, @SequenceNumber long version) {
        answer(event.delegationId(), event.operatorId(), "WITHDRAWN", null, version);
    }

    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    /**
     * The report of a year, computed again only when what it is computed from has changed since: the triggers of
     * {@code V150__kpi_change_counter.sql} count every committed change to those tables, and a report is kept with
     * the count read before it was computed, so it is never older than what that count says. The report depends on
     * nothing else (no clock), so an unchanged count means an unchanged report.
     */
    @QueryHandler
    KpiReportView handle(FindKpisQuery query) {
        long changes = jdbc.sql("SELECT seq FROM kpi_change").query(Long.class).single();
        Computed kept = reports.getIfPresent(query.year());
        if (kept != null && kept.changes() == changes) {
            return kept.report();
        }
        KpiReportView report = compute(query.year());
        reports.asMap().merge(query.year(), new Computed(changes, report),
                (old, computed) -> old.changes() > computed.changes() ? old : computed);
        return report;
    }

    private KpiReportView compute(int year) {
        Map<String, List<KpiReportView.Target>> targets = new HashMap<>();
        record TargetRow(String operator, KpiKind kind, long target) {
        }
        List<TargetRow> targetRows = jdbc.sql("SELECT * FROM kpi_target WHERE year = :year ORDER BY operator_id, kind")
                .param("year", year)
                .query((rs, n) -> new TargetRow(rs.getString("operator_id"), KpiKind.valueOf(rs.getString("kind")),
                        rs.getLong("target")))
                .list();
        List<KpiReportView.OperatorKpis> operators = new ArrayList<>();
        Map<String, KpiReportView.Actuals> actuals = new HashMap<>();
        Map<String, String> names = new TreeMap<>();
        jdbc.sql("""
                        WITH d AS MATERIALIZED (
                                 SELECT delegation_id, lead_operator, completed, investment_leads, mous,
                                     companies_established, jobs_created, tourists, country
                                 FROM kpi_delegation WHERE year = :year),
                             offers AS (
                                 SELECT o.operator_id,
                                     count(DISTINCT o.delegation_id)
                                         FILTER (WHERE o.role = 'LEAD' AND o.state = 'ACCEPTED') AS handled,
                                     percentile_cont(0.5) WITHIN GROUP (
                                         ORDER BY extract(EPOCH FROM o.answered_at - o.offered_at) / 3600.0)
                                         FILTER (WHERE o.state = 'ACCEPTED') AS median_hours,
                                     count(*) FILTER (WHERE o.state = 'ACCEPTED') AS accepted,
                                     count(*) FILTER (WHERE o.state IN ('ACCEPTED', 'DECLINED', 'ESCALATED'))
                                         AS answered
                                 FROM kpi_offer o JOIN d USING (delegation_id)
                                 GROUP BY o.operator_id),
                             led AS (
                                 SELECT lead_operator AS operator_id,
                                     count(*) FILTER (WHERE completed) AS delivered,
                                     sum(investment_leads) FILTER (WHERE completed) AS leads,
                                     sum(mous) FILTER (WHERE completed) AS mous,
                                     sum(companies_established) FILTER (WHERE completed) AS companies,
                                     sum(jobs_created) FILTER (WHERE completed) AS jobs,
                                     sum(tourists) FILTER (WHERE completed AND country = 'CN') AS tourists
                                 FROM d WHERE lead_operator IS NOT NULL
                                 GROUP BY lead_operator),
                             supported AS (
                                 SELECT s.operator_id, sum(s.investment_leads) AS leads,
                                     sum(cardinality(s.mous)) AS mous,
                                     sum(COALESCE(s.companies_established, 0)) AS companies,
                                     sum(COALESCE(s.jobs_created, 0)) AS jobs,
                                     sum(COALESCE(s.tourists, 0)) FILTER (WHERE d.country = 'CN') AS tourists
                                 FROM kpi_supporting_outcome s JOIN d USING (delegation_id)
                                 GROUP BY s.operator_id),
                             ops AS (SELECT operator_id FROM operator_view
                                     UNION SELECT operator_id FROM kpi_target WHERE year = :year
                                     UNION SELECT operator_id FROM offers
                                     UNION SELECT operator_id FROM led
                                     UNION SELECT operator_id FROM supported)
                        SELECT ops.operator_id, v.name,
                            COALESCE(offers.handled, 0) AS handled, offers.median_hours,
                            COALESCE(offers.accepted, 0) AS accepted, COALESCE(offers.answered, 0) AS answered,
                            COALESCE(led.delivered, 0) AS delivered,
                            COALESCE(led.leads, 0) + COALESCE(supported.leads, 0) AS leads,
                            COALESCE(led.mous, 0) + COALESCE(supported.mous, 0) AS mous,
                            COALESCE(led.companies, 0) + COALESCE(supported.companies, 0) AS companies,
                            COALESCE(led.jobs, 0) + COALESCE(supported.jobs, 0) AS jobs,
                            COALESCE(led.tourists, 0) + COALESCE(supported.tourists, 0) AS tourists
                        FROM ops LEFT JOIN operator_view v ON v.operator_id = ops.operator_id
                            LEFT JOIN offers ON offers.operator_id = ops.operator_id
                            LEFT JOIN led ON led.operator_id = ops.operator_id
                            LEFT JOIN supported ON supported.operator_id = ops.operator_id
                        ORDER BY ops.operator_id
                        """)
                .param("year", year)
                .query(rs -> {
                    String operator = rs.getString("operator_id");
                    double median = rs.getDouble("median_hours");
                    Double medianHours = rs.wasNull() ? null : median;
                    long answered = rs.getLong("answered");
                    Double rate = answered == 0 ? null : (double) rs.getLong("accepted") / answered;
                    names.put(operator, rs.getString("name"));
                    actuals.put(operator, new KpiReportView.Actuals(rs.getLong("handled"), medianHours, rate,
                            rs.getLong("delivered"), rs.getLong("leads"), rs.getLong("mous"),
                            rs.getLong("companies"), rs.getLong("jobs"), rs.getLong("tourists")));
                });
        for (TargetRow row : targetRows) {
            Long actual = actual(actuals.get(row.operator()), row.kind());
            targets.computeIfAbsent(row.operator(), k -> new ArrayList<>())
                    .add(new KpiReportView.Target(row.kind(), row.target(), actual));
        }
        names.forEach((operator, name) -> operators.add(new KpiReportView.OperatorKpis(operator, name,
                List.copyOf(targets.getOrDefault(operator, List.of())), actuals.get(operator))));
        return new KpiReportView(year, List.copyOf(operators), desk(year));
    }

    /**
     * The desk's figures of a year in one pass over its delegations: counts by type, by country, by province of
     * the Chinese ones and by how they were not realised, told apart by which columns each grouping set keeps.
     */
    private KpiReportView.Desk desk(int year) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byProvince = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        Map<String, Long> notRealised = new TreeMap<>(Map.of("DECLINED", 0L, "CANCELLED", 0L, "WITHDRAWN", 0L));
        jdbc.sql("""
                        SELECT GROUPING(delegation_type, country, origin_province, not_realised) AS grouping_set,
                            delegation_type, country, origin_province, not_realised, count(*) AS n
                        FROM kpi_delegation WHERE year = :year
                        GROUP BY GROUPING SETS ((delegation_type), (country), (country, origin_province), (not_realised))
                        """)
                .param("year", year)
                .query(rs -> {
                    long n = rs.getLong("n");
                    switch (rs.getInt("grouping_set")) {
                        case 0b0111 -> byType.put(orUnknown(rs.getString("delegation_type")), n);
                        case 0b1011 -> byCountry.put(orUnknown(rs.getString("country")), n);
                        case 0b1001 -> {
                            if (CountryCodes.CHINA.equals(rs.getString("country"))) {
                                byProvince.put(orUnknown(rs.getString("origin_province")), n);
                            }
                        }
                        case 0b1110 -> {
                            if (rs.getString("not_realised") != null) {
                                notRealised.put(rs.getString("not_realised"), n);
                            }
                        }
                        default -> throw new IllegalStateException("unexpected grouping set");
                    }
                });
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new KpiReportView.Desk(total, byCountry.getOrDefault(CountryCodes.CHINA, 0L),
                Collections.unmodifiableMap(byType), Collections.unmodifiableMap(byProvince),
                Collections.unmodifiableMap(byCountry), Collections.unmodifiableMap(notRealised));
    }

    private static String orUnknown(String key) {
        return key == null ? "unknown" : key;
    }

    private static Long actual(KpiReportView.Actuals actuals, KpiKind kind) {
        if (actuals == null) {
            return null;
        }
        return switch (kind) {
            case DELEGATIONS_HANDLED -> actuals.delegationsHandled();
            case PROGRAMMES_DELIVERED -> actuals.programmesDelivered();
            case INVESTMENT_LEADS -> actuals.investmentLeads();
            case MOUS_SIGNED -> actuals.mousSigned();
            case COMPANIES_ATTRACTED -> actuals.companiesAttracted();
            case JOBS_CREATED -> actuals.jobsCreated();
            case TOURISTS -> actuals.tourists();
        };
    }

    /**
     * The operator's latest offer answered, escalated or withdrawn. A withdrawal ends only an offer nobody has let
     * run out: one a re-routing withdraws after its operator accepted it stays accepted in the figures, and one that
     * escalated stays escalated (before, closing a delegation withdrew escalated offers and took them out of the
     * acceptance rate of the operators who had let them run out).
     */
    private void answer(DelegationId id, OperatorId operator, String state, Instant at, long version) {
        writes.sql(NAME, """
                        UPDATE kpi_offer SET state = :state, answered_at = COALESCE(CAST(:at AS TIMESTAMPTZ), answered_at),
                            version = :version
                        WHERE delegation_id = :id AND version < :version AND offer_version = (
                            SELECT max(offer_version) FROM kpi_offer
                            WHERE delegation_id = :id AND operator_id = :operator AND offer_version < :version)
                          AND (CAST(:state AS TEXT) <> 'WITHDRAWN' OR state = 'OFFERED')
                        """)
                .param("id", id.value()).param("operator", operator.value()).param("state", state)
                .param("at", utc(at)).param("version", version).of(id.value()).update();
    }

    private record Computed(long changes, KpiReportView report) {
    }
}
