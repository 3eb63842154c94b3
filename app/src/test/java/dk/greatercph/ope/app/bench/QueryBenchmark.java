package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.DelegationEvents;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Prints how long the desk's and the auditor's REST reads take at scale: appends N delegations (first argument,
 * default 20000) with realistic variety (received over ten years, wished dates over three, statuses from
 * registered to completed, five operators, every theme, several countries, programme items on a fifth, some
 * offers overdue) straight to a fresh embedded PostgreSQL, waits until every projection has caught up, then
 * requests each query R times (second argument, default 500) after a warm-up, one client at a time, and prints
 * p50/p95/p99/max per query. Times are measured on the client over loopback: HTTP, security, the query bus, SQL
 * and JSON together. A program, not a test; see docs/performance-queries.md for the command.
 */
public final class QueryBenchmark {

    private static final String[] OPERATORS = {"clean", "chc", "copcap", "woco", "region"};
    private static final String[][] ORIGINS = {
            {"CN", "Jiangsu", "Nanjing"}, {"CN", "Guangdong", "Shenzhen"}, {"CN", "Zhejiang", "Hangzhou"},
            {"CN", "Beijing", "Beijing"}, {"CN", "Shanghai", "Shanghai"}, {"CN", "Sichuan", "Chengdu"},
            {"VN", "Hanoi", "Hanoi"}, {"IN", "Karnataka", "Bengaluru"}, {"JP", "Tokyo", "Tokyo"},
            {"KR", "Seoul", "Seoul"}};
    private static final LocalDate FIRST_WISHED = LocalDate.of(2027, 1, 4);
    /** A year in the middle of the received dates, holding about a tenth of the delegations. */
    private static final int KPI_YEAR = 2022;

    private QueryBenchmark() {
    }

    /** The latencies of one query, in milliseconds. */
    public record Timing(String label, int requests, double p50, double p95, double p99, double max) {

        @Override
        public String toString() {
            return String.format("%-40s %6d %8.1f %8.1f %8.1f %8.1f", label, requests, p50, p95, p99, max);
        }
    }

    /**
     * Times {@code request} (which answers the HTTP status it got) {@code rounds} times after {@code warmUp}
     * untimed calls, one at a time; a status other than 200 stops the benchmark, so a refusal is never timed.
     */
    public static Timing time(String label, int warmUp, int rounds, IntSupplier request) {
        double[] millis = new double[rounds];
        for (int i = -warmUp; i < rounds; i++) {
            long start = System.nanoTime();
            int status = request.getAsInt();
            long took = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException(label + " answered " + status);
            }
            if (i >= 0) {
                millis[i] = took / 1e6;
            }
        }
        Arrays.sort(millis);
        return new Timing(label, rounds, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                millis[millis.length - 1]);
    }

    public static void main(String[] args) throws Exception {
        int delegations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path data = Path.of("target", "benchmark-postgres", UUID.randomUUID().toString());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
             ConfigurableApplicationContext app = BenchmarkApplication.on(postgres.jdbcUrl())) {
            int port = BenchmarkApplication.port(app);
            long loadStart = System.nanoTime();
            long events = load(app, delegations);
            System.out.printf("appended %d delegations (%d events) in %.1f s%n", delegations, events,
                    (System.nanoTime() - loadStart) / 1e9);
            long waitStart = System.nanoTime();
            awaitProjections(new Api(port).as("admin"));
            System.out.printf("projections caught up in %.1f s%n", (System.nanoTime() - waitStart) / 1e9);

            Api desk = new Api(port).as("desk");
            Api auditor = new Api(port).as("auditor");
            LocalDate week = FIRST_WISHED.plusWeeks(52);
            int warmUp = Math.max(50, rounds / 5);
            List<Timing> timings = new ArrayList<>();
            timings.add(time("board page (GET /api/delegations)", warmUp, rounds,
                    () -> desk.get("/api/delegations").status()));
            timings.add(time("board page 2 (after the first cursor)", warmUp, rounds,
                    secondPage(desk)));
            timings.add(time("board, status=SCREENED", warmUp, rounds,
                    () -> desk.get("/api/delegations?status=SCREENED").status()));
            timings.add(time("schedule, one week", warmUp, rounds,
                    () -> desk.get("/api/schedule?from=" + week + "&to=" + week.plusDays(6)).status()));
            timings.add(time("schedule conflicts, one week", warmUp, rounds,
                    () -> desk.get("/api/schedule/conflicts?from=" + week + "&to=" + week.plusDays(6)).status()));
            timings.add(time("audit page (GET /api/audit/events)", warmUp, rounds,
                    () -> auditor.get("/api/audit/events").status()));
            timings.add(time("KPIs, one year (GET /api/kpis?year=" + KPI_YEAR + ")", warmUp, rounds,
                    () -> desk.get("/api/kpis?year=" + KPI_YEAR).status()));
            print(delegations, rounds, timings);
            if (Boolean.getBoolean("explain")) {
                explain(app.getBean(JdbcClient.class), week);
            }
        }
        System.exit(0);
    }

    private static IntSupplier secondPage(Api desk) {
        String next = desk.get("/api/delegations").json().path("next").asString();
        return () -> desk.get("/api/delegations?after=" + next).status();
    }

    /**
     * Appends the delegations' events in transactions of 250 delegations; answers the number of events. Received
     * dates spread over ten years (KPIs count a year's delegations), wished dates over about three.
     */
    static long load(ConfigurableApplicationContext app, int delegations) {
        EventStore eventStore = app.getBean(EventStore.class);
        TransactionManager transactions = app.getBean(TransactionManager.class);
        MetaData actor = MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM");
        Random random = new Random(42);
        Theme[] themes = Theme.values();
        DelegationType[] types = DelegationType.values();
        PoliticalLevel[] levels = PoliticalLevel.values();
        Channel[] channels = Channel.values();
        VenueId[] venues = new VenueId[30];
        PartnerId[] hosts = new PartnerId[30];
        for (int i = 0; i < venues.length; i++) {
            venues[i] = VenueId.newId();
            hosts[i] = PartnerId.newId();
        }
        long total = 0;
        int batch = 250;
        for (int start = 0; start < delegations; start += batch) {
            List<EventMessage<?>> messages = new ArrayList<>();
            for (int n = start; n < Math.min(delegations, start + batch); n++) {
                DelegationId id = DelegationId.newId();
                String[] origin = ORIGINS[random.nextInt(ORIGINS.length)];
                LocalDate from = FIRST_WISHED.plusDays(random.nextInt(1100));
                LocalDate to = from.plusDays(1 + random.nextInt(5));
                LocalDate received = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3650));
                Theme first = themes[random.nextInt(themes.length)];
                Theme second = themes[random.nextInt(themes.length)];
                List<Object> events = new ArrayList<>();
                events.add(DelegationEvents.registration(id, "Organisation " + n + " of " + origin[2])
                        .origin(origin[0], origin[1], origin[2]).type(types[random.nextInt(types.length)])
                        .level(levels[random.nextInt(levels.length)]).channel(channels[random.nextInt(channels.length)])
                        .headCount(2 + random.nextInt(30)).dates(from, to).received(received)
                        .themes(first == second ? new Theme[]{first} : new Theme[]{first, second}).event());
                int stage = random.nextInt(100);
                if (stage >= 15) {
                    events.add(DelegationEvents.screened(id, random.nextInt(10) == 0));
                }
                if (stage >= 30) {
                    String lead = OPERATORS[random.nextInt(OPERATORS.length)];
                    String supporting = OPERATORS[random.nextInt(OPERATORS.length)];
                    events.add(supporting.equals(lead) ? DelegationEvents.routed(id, lead)
                            : DelegationEvents.routed(id, lead, supporting));
                    Instant due = Instant.now().plus(random.nextInt(11) - 5, ChronoUnit.DAYS);
                    events.add(DelegationEvents.offered(id, lead, AssignmentRole.LEAD, due));
                    if (stage >= 55) {
                        events.add(DelegationEvents.accepted(id, lead, AssignmentRole.LEAD));
                        if (stage >= 80) {
                            for (int item = 1; item <= 2; item++) {
                                events.add(DelegationEvents.item(id, "I" + item, "Visit " + item,
                                        DelegationEvents.at(from, 8 + 2 * item, 0),
                                        DelegationEvents.at(from, 10 + 2 * item, 0),
                                        venues[random.nextInt(venues.length)], hosts[random.nextInt(hosts.length)]));
                            }
                        }
                        if (stage >= 90) {
                            events.add(new DelegationCompletedEvent(id, new Outcome("Visit done",
                                    random.nextInt(4), List.of("Firm " + n), List.of(), List.of(),
                                    random.nextInt(2), random.nextInt(20), random.nextInt(40), random.nextInt(80))));
                        }
                    }
                }
                for (int sequence = 0; sequence < events.size(); sequence++) {
                    messages.add(new GenericDomainEventMessage<>("Delegation", id.value(), sequence,
                            events.get(sequence), actor));
                }
            }
            total += messages.size();
            transactions.executeInTransaction(() -> eventStore.publish(messages));
        }
        return total;
    }

    private static void awaitProjections(Api admin) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
        long reported = -1;
        while (Instant.now().isBefore(deadline)) {
            JsonNode projections = admin.get("/api/admin/projections").json();
            long behind = 0;
            for (JsonNode projection : projections) {
                behind = Math.max(behind, projection.path("behindBy").asLong(Long.MAX_VALUE));
            }
            if (behind == 0) {
                return;
            }
            if (reported < 0 || reported - behind >= 10_000) {
                System.out.printf("projections behind by at most %d events%n", behind);
                reported = behind;
            }
            Api.sleep(1_000);
        }
        throw new IllegalStateException("the projections did not catch up in 60 minutes");
    }

    /** The items overlapping the week, as the schedule's handlers find them (V260), named {@code alias} inside. */
    private static String weekItems(String from, String to, String alias) {
        return """
                (SELECT * FROM schedule_item i
                      WHERE i.ends_at >= i.starts_at AND i.ends_at - i.starts_at <= interval '24 hours'
                        AND i.starts_at >= '%1$s'::timestamptz - interval '24 hours' AND i.ends_at >= '%1$s'
                        AND i.starts_at <= '%2$s'
                      UNION ALL SELECT * FROM schedule_item i
                      WHERE (i.ends_at < i.starts_at OR i.ends_at - i.starts_at > interval '24 hours')
                        AND tstzrange(LEAST(i.starts_at, i.ends_at), GREATEST(i.starts_at, i.ends_at), '[]')
                            && tstzrange('%1$s', '%2$s', '[]'))""".formatted(from, to).replace("i.", alias + ".")
                .replace("schedule_item i", "schedule_item " + alias);
    }

    /**
     * Prints PostgreSQL's plan, timing and buffers of the statements behind the timed queries (as the handlers
     * send them, with the benchmark's values written in), to reason about larger sizes than were loaded.
     */
    private static void explain(JdbcClient jdbc, LocalDate week) {
        String from = week.atStartOfDay(DelegationEvents.COPENHAGEN).toOffsetDateTime().toString();
        String to = week.plusDays(7).atStartOfDay(DelegationEvents.COPENHAGEN).toOffsetDateTime().toString();
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("board page", "SELECT * FROM delegation_board ORDER BY board_position DESC LIMIT 51");
        statements.put("board, status=SCREENED", "SELECT * FROM delegation_board WHERE status = 'SCREENED' "
                + "ORDER BY board_position DESC LIMIT 51");
        statements.put("schedule items, one week", """
                SELECT i.*, d.organisation, d.operators, v.name AS venue_name, p.name AS host_name
                FROM %3$s i
                JOIN schedule_delegation d ON d.delegation_id = i.delegation_id
                LEFT JOIN venue_name v ON v.venue_id = i.venue_id
                LEFT JOIN partner_name p ON p.partner_id = i.host_id
                WHERE i.ends_at > '%1$s' AND i.starts_at < '%2$s'""".formatted(from, to, weekItems(from, to, "i")));
        statements.put("schedule items, one week, before V130", """
                SELECT i.*, d.organisation, d.operators, v.name AS venue_name, p.name AS host_name
                FROM schedule_item i
                JOIN schedule_delegation d ON d.delegation_id = i.delegation_id
                LEFT JOIN venue_name v ON v.venue_id = i.venue_id
                LEFT JOIN partner_name p ON p.partner_id = i.host_id
                WHERE i.ends_at > '%1$s' AND i.starts_at < '%2$s'""".formatted(from, to));
        String shortB = """
                b.ends_at >= b.starts_at AND b.ends_at - b.starts_at <= interval '24 hours'
                AND b.starts_at >= LEAST(a.starts_at, a.ends_at) - interval '24 hours'
                AND b.ends_at >= LEAST(a.starts_at, a.ends_at) AND b.starts_at <= GREATEST(a.starts_at, a.ends_at)""";
        statements.put("schedule conflicts, one week", """
                SELECT r.resource, a.delegation_id, a.item_id, b.delegation_id, b.item_id
                FROM %4$s a
                CROSS JOIN LATERAL (SELECT * FROM schedule_item b WHERE b.venue_id = a.venue_id AND %3$s
                      UNION ALL SELECT * FROM schedule_item b WHERE b.host_id = a.host_id
                        AND (b.venue_id = a.venue_id) IS NOT TRUE AND %3$s
                      UNION ALL SELECT * FROM schedule_item b WHERE (b.venue_id = a.venue_id OR b.host_id = a.host_id)
                        AND (b.ends_at < b.starts_at OR b.ends_at - b.starts_at > interval '24 hours')
                        AND tstzrange(LEAST(b.starts_at, b.ends_at), GREATEST(b.starts_at, b.ends_at), '[]')
                            && tstzrange(LEAST(a.starts_at, a.ends_at), GREATEST(a.starts_at, a.ends_at), '[]')
                      OFFSET 0) b
                CROSS JOIN (VALUES ('VENUE'), ('HOST')) r(resource)
                WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
                  AND a.ends_at > '%1$s' AND a.starts_at < '%2$s'
                  AND (a.delegation_id, a.item_id) < (b.delegation_id, b.item_id)
                  AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                  AND CASE r.resource WHEN 'VENUE' THEN a.venue_id = b.venue_id ELSE a.host_id = b.host_id END"""
                .formatted(from, to, shortB, weekItems(from, to, "a")));
        statements.put("audit page", "SELECT * FROM DomainEventEntry WHERE globalIndex > -1 ORDER BY globalIndex LIMIT 100");
        statements.put("KPIs per operator of " + KPI_YEAR + ", as before", """
                WITH d AS (SELECT * FROM kpi_delegation WHERE year = 2022),
                o AS (SELECT kpi_offer.* FROM kpi_offer JOIN d USING (delegation_id)),
                ops AS (SELECT operator_id FROM operator_view
                UNION SELECT operator_id FROM kpi_target WHERE year = 2022
                UNION SELECT operator_id FROM o
                UNION SELECT lead_operator FROM d WHERE lead_operator IS NOT NULL)
                SELECT ops.operator_id, v.name,
                (SELECT count(DISTINCT delegation_id) FROM o WHERE o.operator_id = ops.operator_id
                AND o.role = 'LEAD' AND o.state = 'ACCEPTED') AS handled,
                (SELECT percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(EPOCH FROM o.answered_at - o.offered_at) / 3600.0)
                FROM o WHERE o.operator_id = ops.operator_id AND o.state = 'ACCEPTED') AS median_hours,
                (SELECT count(*) FROM o WHERE o.operator_id = ops.operator_id AND o.state = 'ACCEPTED')
                AS accepted,
                (SELECT count(*) FROM o WHERE o.operator_id = ops.operator_id
                AND o.state IN ('ACCEPTED', 'DECLINED', 'ESCALATED')) AS answered,
                (SELECT count(*) FROM d WHERE d.lead_operator = ops.operator_id AND d.completed) AS delivered,
                (SELECT COALESCE(sum(d.investment_leads), 0) FROM d
                WHERE d.lead_operator = ops.operator_id AND d.completed) AS leads,
                (SELECT COALESCE(sum(d.mous), 0) FROM d
                WHERE d.lead_operator = ops.operator_id AND d.completed) AS mous,
                (SELECT COALESCE(sum(d.companies_established), 0) FROM d
                WHERE d.lead_operator = ops.operator_id AND d.completed) AS companies,
                (SELECT COALESCE(sum(d.jobs_created), 0) FROM d
                WHERE d.lead_operator = ops.operator_id AND d.completed) AS jobs,
                (SELECT COALESCE(sum(d.tourists), 0) FROM d
                WHERE d.lead_operator = ops.operator_id AND d.completed AND d.country = 'CN') AS tourists
                FROM ops LEFT JOIN operator_view v ON v.operator_id = ops.operator_id
                ORDER BY ops.operator_id""");
        statements.put("KPIs per operator of " + KPI_YEAR + ", now", """
                WITH d AS MATERIALIZED (
                SELECT delegation_id, lead_operator, completed, investment_leads, mous,
                companies_established, jobs_created, tourists, country
                FROM kpi_delegation WHERE year = 2022),
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
                ops AS (SELECT operator_id FROM operator_view
                UNION SELECT operator_id FROM kpi_target WHERE year = 2022
                UNION SELECT operator_id FROM offers
                UNION SELECT operator_id FROM led)
                SELECT ops.operator_id, v.name,
                COALESCE(offers.handled, 0) AS handled, offers.median_hours,
                COALESCE(offers.accepted, 0) AS accepted, COALESCE(offers.answered, 0) AS answered,
                COALESCE(led.delivered, 0) AS delivered, COALESCE(led.leads, 0) AS leads,
                COALESCE(led.mous, 0) AS mous, COALESCE(led.companies, 0) AS companies,
                COALESCE(led.jobs, 0) AS jobs, COALESCE(led.tourists, 0) AS tourists
                FROM ops LEFT JOIN operator_view v ON v.operator_id = ops.operator_id
                LEFT JOIN offers ON offers.operator_id = ops.operator_id
                LEFT JOIN led ON led.operator_id = ops.operator_id
                
                ORDER BY ops.operator_id""");
        statements.put("kpi desk figures of a year", """
                SELECT GROUPING(delegation_type, country, origin_province, not_realised), count(*)
                FROM kpi_delegation WHERE year = 2022
                GROUP BY GROUPING SETS ((delegation_type), (country), (country, origin_province), (not_realised))""");
        statements.forEach((label, sql) -> {
            System.out.printf("%n-- %s%n", label);
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list().forEach(System.out::println);
        });
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(int delegations, int rounds, List<Timing> timings) {
        System.out.printf("%nqueries at %d delegations, %d requests each after a warm-up; client-side time over "
                + "loopback, one request at a time%n", delegations, rounds);
        System.out.printf("%-40s %6s %8s %8s %8s %8s%n", "query", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        timings.forEach(System.out::println);
    }
}
