package dk.greatercph.ope.query.report;

import dk.greatercph.ope.events.delegation.DelegationType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers the annual report's delegation figures from the annual-report projection's table. */
@Component
class AnnualReportQueries {

    private static final String JIANGSU = "jiangsu";

    private final JdbcClient jdbc;

    AnnualReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AnnualDelegationsView handle(FindAnnualDelegationsQuery query) {
        int year = query.year();
        Map<String, Long> bySector = new LinkedHashMap<>();
        for (DelegationType.Sector sector : DelegationType.Sector.values()) {
            bySector.put(sector.name(), 0L);
        }
        bySector.putAll(counts("sector", year, "TRUE"));
        long received = bySector.values().stream().mapToLong(Long::longValue).sum();
        var delegations = new AnnualReportView.Delegations(received, bySector,
                share(bySector.get(DelegationType.Sector.PUBLIC.name()), received),
                share(bySector.get(DelegationType.Sector.PRIVATE.name()), received),
                counts("delegation_type", year, "TRUE"), counts("country", year, "TRUE"));

        Map<String, Long> byProvince = counts("COALESCE(origin_province, 'unknown')", year, "country = 'CN'");
        long chinese = byProvince.values().stream().mapToLong(Long::longValue).sum();
        long jiangsu = byProvince.entrySet().stream().filter(e -> e.getKey().trim().equalsIgnoreCase(JIANGSU))
                .mapToLong(Map.Entry::getValue).sum();
        var china = new AnnualReportView.China(chinese, jiangsu, chinese - jiangsu, byProvince);

        var outcomes = jdbc.sql("""
                        SELECT count(*) AS completed, COALESCE(sum(investment_leads), 0) AS leads,
                            COALESCE(sum(mous), 0) AS mous, COALESCE(sum(companies_established), 0) AS companies,
                            COALESCE(sum(jobs_created), 0) AS jobs,
                            COALESCE(sum(tourists) FILTER (WHERE country = 'CN'), 0) AS tourists,
                            COALESCE(sum(overnight_stays) FILTER (WHERE country = 'CN'), 0) AS stays
                        FROM annual_report_delegation WHERE year = :year AND status = 'COMPLETED'
                        """)
                .param("year", year)
                .query((rs, n) -> new AnnualReportView.Outcomes(rs.getLong("completed"), rs.getLong("leads"),
                        rs.getLong("mous"), rs.getLong("companies"), rs.getLong("jobs"), rs.getLong("tourists"),
                        rs.getLong("stays")))
                .single();

        List<AnnualReportView.NotRealisedDelegation> notRealised = jdbc.sql("""
                        SELECT * FROM annual_report_delegation
                        WHERE year = :year AND status IN ('DECLINED', 'CANCELLED', 'WITHDRAWN')
                        ORDER BY date_received, delegation_id
                        """)
                .param("year", year)
                .query((rs, n) -> new AnnualReportView.NotRealisedDelegation(rs.getString("delegation_id"),
                        rs.getString("organisation"), rs.getString("country"),
                        rs.getObject("date_received", LocalDate.class), rs.getString("status"),
                        rs.getString("reason")))
                .list();
        var notRealisedCounts = new AnnualReportView.NotRealised(
                count(notRealised, AnnualReportProjection.NotRealisedAs.DECLINED),
                count(notRealised, AnnualReportProjection.NotRealisedAs.CANCELLED),
                count(notRealised, AnnualReportProjection.NotRealisedAs.WITHDRAWN), notRealised);
        return new AnnualDelegationsView(delegations, china, outcomes, notRealisedCounts);
    }

    private Map<String, Long> counts(String expression, int year, String condition) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT " + expression + " AS k, count(*) AS n FROM annual_report_delegation WHERE year = :year AND "
                        + condition + " GROUP BY 1")
                .param("year", year)
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    private static Double share(Long part, long whole) {
        return whole == 0 ? null : (double) (part == null ? 0 : part) / whole;
    }

    private static long count(List<AnnualReportView.NotRealisedDelegation> delegations,
                              AnnualReportProjection.NotRealisedAs as) {
        return delegations.stream().filter(d -> d.status().equals(as.name())).count();
    }
}
