package dk.greatercph.ope.query.delegation;

import com.zaxxer.hikari.HikariDataSource;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.query.support.ProjectionFeed;
import dk.greatercph.ope.query.support.QueryDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk's board: events fed into the projection, answers read through its queries, on real PostgreSQL. */
class DelegationBoardProjectionTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    /** Board positions for the fold's tests, apart from the other tests' own. */
    private static final java.util.concurrent.atomic.AtomicLong POSITIONS =
            new java.util.concurrent.atomic.AtomicLong(800_000_000);

    /** One delegation's life, with answers to offers made before and in a call, and changes seen before. */
    private static final List<String> LIFE = List.of(
            "{'event':'registered','version':0,'position':%P%,'channel':'EMBASSY','organisation':'Org',"
                    + "'province':'Jiangsu','city':'Nanjing','type':'ADMINISTRATIVE','level':'PROVINCIAL',"
                    + "'headCount':12,'wishedFrom':'2027-04-12','wishedTo':'2027-04-16','themes':['HEALTH_WELFARE_TECH'],"
                    + "'purpose':'Visit','opportunity':'Partners','actor':'desk','country':'CN','received':'2027-01-20'}",
            item("item-added", 1, "item-1", "Meeting 1"),
            "{'event':'cost-covered','version':2,'item':'item-1','payer':'Region','basis':'Agreement',"
                    + "'amount':'1200.50','currency':'DKK'}",
            item("item-added", 3, "item-2", "Meeting 2"),
            item("item-changed", 4, "item-2", "Meeting 2, later"),
            item("item-added", 5, "item-3", "Meeting 3"),
            "{'event':'item-removed','version':6,'item':'item-3'}",
            item("item-added", 7, "item-4", "Meeting 4"),
            "{'event':'confirmed','version':8}",
            item("item-added", 9, "item-5", "Meeting 5"),
            item("item-added", 10, "item-1", "Meeting 1 again"),
            "{'event':'confirmed','version':3}",
            item("item-added", 11, "item-6", "Meeting 6"),
            "{'event':'confirmed','version':12}",
            item("item-added", 13, "item-7", "Meeting 7"),
            "{'event':'scope-requested','version':14,'request':'req-1','reason':'Hotels','themes':['TOURISM']}",
            "{'event':'scope-approved','version':15,'request':'req-1','themes':['TOURISM']}",
            "{'event':'offered','version':16,'operator':'woco','role':'SUPPORTING','due':'2027-03-05T09:00:00Z',"
                    + "'position':16}",
            "{'event':'accepted','version':17,'operator':'woco','lead':false,'position':17}",
            offer(18, "chc", "LEAD"),
            "{'event':'declined','version':19,'operator':'chc','lead':true,'returned':true,'reason':'Busy',"
                    + "'position':19}",
            offer(20, "chc", "LEAD"),
            "{'event':'escalated','version':21,'operator':'chc','position':21}",
            "{'event':'accepted','version':22,'operator':'nobody','lead':false,'position':22}",
            "{'event':'assignment-withdrawn','version':23,'operator':'woco','position':23}",
            offer(24, "lib", "SUPPORTING"),
            "{'event':'declined','version':25,'operator':'lib','lead':false,'returned':false,'reason':'Away',"
                    + "'position':25}",
            "{'event':'accepted','version':26,'operator':'chc','lead':true,'position':26}",
            "{'event':'item-removed','version':27}",
            "{'event':'refused','version':28,'kind':'CONFIRMATION','code':'VENUE_TAKEN','reason':'Booked',"
                    + "'items':['item-1','item-2']}",
            "{'event':'scope-requested','version':29,'request':'req-2','reason':'Ports','themes':['MARITIME']}",
            "{'event':'scope-rejected','version':30,'request':'req-2','reason':'Out of scope'}");

    private final JdbcClient jdbc = QueryDatabase.jdbc();
    private final JsonMapper json = JsonMapper.builder().build();
    private final DelegationBoardProjection projection =
            new DelegationBoardProjection(jdbc, json, QueryDatabase.dataSource());
    /** The same projection writing folded rows from JSON (V230), as on a database not ordering text by code point. */
    private final DelegationBoardProjection fromJson =
            new DelegationBoardProjection(jdbc, json, QueryDatabase.dataSource(), false);
    private final DelegationBoardQueries queries =
            new DelegationBoardQueries(jdbc, json, Clock.fixed(NOW, ZoneOffset.UTC));

    private final DelegationId id = new DelegationId("DEL-" + UUID.randomUUID());
    /** Not only ASCII, and with a quote: the changes reach PostgreSQL as UTF-8 JSON. */
    private final String organisation = "南京市外事办 \"Ø\" Org " + UUID.randomUUID();

    @Test
    void aRegisteredDelegationIsOnTheBoardWithWhoRegisteredIt() {
        register();

        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), null)).orElseThrow();

        assertThat(detail.delegation().status()).isEqualTo(DelegationStatus.REQUESTED);
        assertThat(detail.delegation().requestingOrganisation()).isEqualTo(organisation);
        assertThat(detail.delegation().registeredBy()).isEqualTo("desk");
        assertThat(detail.delegation().registeredAt()).isEqualTo(NOW.minus(2, ChronoUnit.DAYS));
        assertThat(detail.delegation().version()).isZero();
        assertThat(detail.programme()).isEmpty();
        assertThat(detail.assignments()).isEmpty();
        DelegationPage page = queries.handle(new FindDelegationsQuery(null, 5, null, null, null, null, null,
                organisation));
        assertThat(page.items()).extracting(DelegationView::id).containsExactly(id.value());
    }

    @Test
    void anAcceptedLeadMakesTheDelegationAcceptedAndVisibleToThatOperatorOnly() {
        register();
        projection.on(new DelegationScreenedEvent(id, false, List.of(), "Concrete demand"), at(1), 1);
        projection.on(new DelegationRoutedEvent(id, new OperatorId("chc"), List.of(new OperatorId("clean")), 3,
                false, null), at(2), 2);
        projection.on(new AssignmentOfferedEvent(id, new OperatorId("chc"), AssignmentRole.LEAD,
                NOW.plus(3, ChronoUnit.DAYS)), at(3), 3, QueryDatabase.nextToken());
        projection.on(new AssignmentAcceptedEvent(id, new OperatorId("chc"), AssignmentRole.LEAD), at(4), 4,
                QueryDatabase.nextToken());

        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), "chc")).orElseThrow();

        assertThat(detail.delegation().status()).isEqualTo(DelegationStatus.ACCEPTED);
        assertThat(detail.delegation().leadOperator()).isEqualTo("chc");
        assertThat(detail.delegation().supportingOperators()).containsExactly("clean");
        assertThat(detail.delegation().version()).isEqualTo(4);
        assertThat(detail.businessOpportunityAssessment()).isEqualTo("Concrete demand");
        assertThat(detail.routing().version()).isEqualTo(3);
        assertThat(detail.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.operatorId()).isEqualTo("chc");
            assertThat(assignment.state()).isEqualTo("ACCEPTED");
            assertThat(assignment.overdue()).isFalse();
        });
        assertThat(queries.handle(new FindDelegationQuery(id.value(), "woco"))).isEmpty();
    }

    @Test
    void anUnansweredOfferPastItsDueTimeIsOverdueAtTheTimeOfTheQuestion() {
        register();
        projection.on(new AssignmentOfferedEvent(id, new OperatorId("chc"), AssignmentRole.LEAD,
                NOW.minus(1, ChronoUnit.HOURS)), at(1), 1, QueryDatabase.nextToken());

        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), null)).orElseThrow();

        assertThat(detail.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.state()).isEqualTo("OFFERED");
            assertThat(assignment.overdue()).isTrue();
        });
    }

    @Test
    void anEventSeenBeforeChangesNothing() {
        register();
        projection.on(new DelegationScreenedEvent(id, false, List.of(), "Concrete demand"), at(1), 1);
        projection.on(new RoutingRefusedEvent(id, "NO_BUSINESS_OPPORTUNITY", "Nothing to gain"), at(2), 2);
        projection.on(new DelegationDeclinedEvent(id, "Out of scope"), at(3), 3);

        projection.on(new DelegationScreenedEvent(id, true, List.of(), "Seen again"), at(1), 1);
        projection.on(new RoutingRefusedEvent(id, "NO_BUSINESS_OPPORTUNITY", "Nothing to gain"), at(2), 2);
        register();

        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), null)).orElseThrow();
        assertThat(detail.delegation().status()).isEqualTo(DelegationStatus.DECLINED);
        assertThat(detail.delegation().repeatRequest()).isFalse();
        assertThat(detail.businessOpportunityAssessment()).isEqualTo("Concrete demand");
        assertThat(detail.closingReason()).isEqualTo("Out of scope");
        assertThat(detail.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo("ROUTING");
            assertThat(refusal.code()).isEqualTo("NO_BUSINESS_OPPORTUNITY");
        });
        assertThat(detail.delegation().version()).isEqualTo(3);
    }

    @Test
    void aPlannedItemShowsInCopenhagenTimeAndTheOutcomeIsKept() {
        register();
        projection.on(new ProgrammeItemAddedEvent(id, "ITM-1", ProgrammeItemKind.MEETING, "Ward visit",
                Instant.parse("2027-04-13T08:00:00Z"), Instant.parse("2027-04-13T10:00:00Z"), null, null, false,
                new OperatorId("chc"), false), at(1), 1);
        projection.on(new DelegationCompletedEvent(id, new Outcome("Went well", 2, List.of("Acme"),
                List.of("MoU 1"), List.of())), at(2), 2);

        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), null)).orElseThrow();

        assertThat(detail.delegation().status()).isEqualTo(DelegationStatus.COMPLETED);
        assertThat(detail.programme()).singleElement().satisfies(item -> {
            assertThat(item.startsAt()).hasToString("2027-04-13T10:00+02:00");
            assertThat(item.status()).isEqualTo("TENTATIVE");
        });
        assertThat(detail.outcome().investmentLeads()).isEqualTo(2);
        assertThat(detail.outcome().mous()).containsExactly("MoU 1");
    }

    @Test
    void theDetailIsOneFlatJsonObjectWithTheBoardFieldsBesideTheDetailsAndReadsBack() {
        register();
        DelegationDetailView detail = queries.handle(new FindDelegationQuery(id.value(), null)).orElseThrow();

        JsonNode written = json.readTree(json.writeValueAsString(detail));

        assertThat(written.propertyNames()).containsExactlyInAnyOrder("id", "status", "channel",
                "requestingOrganisation", "country", "originProvince", "originCity", "delegationType", "sector",
                "politicalLevel", "headCount", "wishedFrom", "wishedTo", "dateReceived", "themes", "purpose", "businessOpportunity", "registeredAt",
                "registeredBy", "leadOperator", "supportingOperators", "repeatRequest", "imported", "earlierRequests",
                "businessOpportunityAssessment", "routing", "closingReason", "programme", "assignments",
                "scopeRequests", "refusals", "outcome", "supportingOutcomes", "version");
        assertThat(written.get("version").asLong()).isZero();
        assertThat(written.get("country").asString()).isEqualTo("CN");
        assertThat(written.get("dateReceived").asString()).isEqualTo("2027-01-20");
        assertThat(written.get("sector").asString()).isEqualTo("PUBLIC");
        assertThat(json.readValue(json.writeValueAsString(detail), DelegationDetailView.class)).isEqualTo(detail);
    }

    /** Registers the delegation through Axon's annotation adapter, as a processor would: actor from metadata. */
    /**
     * A plan made without statistics for {@code delegation_assignment} (a fresh database, before autovacuum first
     * analyses it) once combined the key with the index of open assignments, reading every entry of three states at
     * each call: 234 million entries in one run of the benchmark. Such a plan is made here on a fresh session, over
     * 10,000 more assignments and with the table's statistics removed, inside a transaction that is rolled back. With
     * V160's version of the function the open assignments' index is scanned.
     */
    @Test
    void theOperatorsWhoSeeADelegationAreReadByItsKeyEvenWithoutStatistics() throws SQLException {
        register();
        projection.on(new AssignmentOfferedEvent(id, new OperatorId("chc"), AssignmentRole.LEAD,
                NOW.plus(3, ChronoUnit.DAYS)), at(1), 1, QueryDatabase.nextToken());

        String url = ((HikariDataSource) QueryDatabase.dataSource()).getJdbcUrl();
        try (Connection fresh = DriverManager.getConnection(url, "postgres", null)) {
            fresh.setAutoCommit(false);
            try (Statement statement = fresh.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                statement.execute("""
                        INSERT INTO delegation_assignment (delegation_id, operator_id, role, state, offered_at, due_at,
                            position)
                        SELECT 'DEL-plan-' || n, 'woco', 'LEAD', 'ACCEPTED', now(), now(), n
                        FROM generate_series(1, 10000) AS n
                        """);
                statement.execute("DELETE FROM pg_statistic WHERE starelid = 'delegation_assignment'::regclass");
                try (PreparedStatement visible = fresh.prepareStatement("SELECT delegation_board_visible_to(?)")) {
                    visible.setString(1, id.value());
                    try (ResultSet rs = visible.executeQuery()) {
                        rs.next();
                        assertThat((String[]) rs.getArray(1).getArray()).containsExactly("chc");
                    }
                }
                try (ResultSet rs = statement.executeQuery("""
                        SELECT pg_stat_get_xact_numscans('delegation_assignment_pkey'::regclass),
                               pg_stat_get_xact_numscans('delegation_assignment_open'::regclass),
                               pg_stat_get_xact_numscans('delegation_assignment_operator'::regclass)
                        """)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("scans of the key").isEqualTo(1);
                    assertThat(rs.getLong(2)).as("scans of the open assignments' index").isZero();
                    assertThat(rs.getLong(3)).as("scans of the operators' index").isZero();
                }
            } finally {
                fresh.rollback();
            }
        }
    }

    /**
     * PL/pgSQL keeps a statement's plan for the session: one made while the assignments' table was empty and never
     * analysed (a fresh database) must still find an answered assignment by its key, not read every assignment of
     * the operator through the operator's index (V180).
     */
    @Test
    void anAnswerFindsItsAssignmentByTheKeyEvenWithAPlanMadeOnAnEmptyTable() throws SQLException {
        register();
        String url = ((HikariDataSource) QueryDatabase.dataSource()).getJdbcUrl();
        try (Connection fresh = DriverManager.getConnection(url, "postgres", null)) {
            fresh.setAutoCommit(false);
            try (Statement statement = fresh.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                statement.execute("TRUNCATE delegation_assignment");
                statement.execute("DELETE FROM pg_statistic WHERE starelid = 'delegation_assignment'::regclass");
                apply(fresh, answer("accepted", 1, "chc"));
                statement.execute("""
                        INSERT INTO delegation_assignment (delegation_id, operator_id, role, state, offered_at, due_at,
                            position)
                        SELECT 'DEL-plan-' || n, 'chc', 'LEAD', 'ACCEPTED', now(), now(), n
                        FROM generate_series(1, 10000) AS n
                        UNION ALL
                        SELECT '%s', 'chc', 'LEAD', 'OFFERED', now(), now(), 0
                        """.formatted(id.value()));
                apply(fresh, answer("accepted", 2, "chc"));

                try (ResultSet rs = statement.executeQuery("""
                        SELECT pg_stat_get_xact_numscans('delegation_assignment_operator'::regclass),
                               (SELECT state FROM delegation_assignment WHERE delegation_id = '%s')
                        """.formatted(id.value()))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("scans of the operators' index").isZero();
                    assertThat(rs.getString(2)).isEqualTo("ACCEPTED");
                }
            } finally {
                fresh.rollback();
            }
        }
    }

    @Test
    void changesAppliedInOneCallLeaveTheSameRowsAsOneCallEach() {
        String one = "DEL-" + UUID.randomUUID();
        String each = "DEL-" + UUID.randomUUID();
        String otherOne = "DEL-" + UUID.randomUUID();
        String otherEach = "DEL-" + UUID.randomUUID();
        String whole = "DEL-" + UUID.randomUUID();
        String halves = "DEL-" + UUID.randomUUID();
        List<String> life = LIFE;
        List<String> together = new java.util.ArrayList<>();
        int other = 0;
        for (int n = 0; n < life.size(); n++) {
            together.add(change(life.get(n), one, 900_000_001));
            if (n % 4 == 1) {
                together.add(change(life.get(other++), otherOne, 900_000_002));
            }
        }
        while (other < life.size()) {
            together.add(change(life.get(other++), otherOne, 900_000_002));
        }
        for (String change : life) {
            together.add(change(change, whole, 900_000_005));
        }
        jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))")
                .param("changes", "[" + String.join(",", together) + "]").query().listOfRows();
        for (List<String> half : List.of(life.subList(0, 12), life.subList(12, 22), life.subList(22, life.size()))) {
            jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))").param("changes", "["
                    + String.join(",", half.stream().map(change -> change(change, halves, 900_000_006)).toList())
                    + "]").query().listOfRows();
        }
        for (String change : life) {
            for (String[] target : new String[][] {{each, "900000003"}, {otherEach, "900000004"}}) {
                jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))")
                        .param("changes", "[" + change(change, target[0], Long.parseLong(target[1])) + "]")
                        .query().listOfRows();
            }
        }

        assertThat(rows(one)).as("its run cut by another delegation's changes").isEqualTo(rows(each))
                .contains("\"SCREENED\"", "Meeting 2, later", "1200.50", "item-7", "TOURISM", "WITHDRAWN", "Away",
                        "VENUE_TAKEN", "Out of scope");
        assertThat(rows(otherOne)).isEqualTo(rows(otherEach));
        assertThat(rows(whole)).as("its whole life in one run").isEqualTo(rows(each));
        assertThat(rows(halves)).as("its life in three runs, offers answered in the run and after it")
                .isEqualTo(rows(each));
        assertThat(jdbc.sql("SELECT string_agg(operator_id || '=' || state, ',' ORDER BY operator_id) "
                + "FROM delegation_assignment WHERE delegation_id = :id").param("id", whole).query(String.class)
                .single()).isEqualTo("chc=ACCEPTED,lib=DECLINED,woco=WITHDRAWN");
        assertThat(jdbc.sql("SELECT operators::text FROM delegation_board WHERE delegation_id = :id")
                .param("id", whole).query(String.class).single()).isEqualTo("{chc}");
        assertThat(jdbc.sql("SELECT string_agg(item_id || '=' || confirmed, ',' ORDER BY item_id) "
                + "FROM delegation_programme_item WHERE delegation_id = :id").param("id", one).query(String.class)
                .single()).isEqualTo("item-1=true,item-2=true,item-4=true,item-5=true,item-6=true,item-7=false");
    }

    /**
     * A delegation registered in a batch is folded into its rows before they are sent ({@link BoardFold}, V230). Its
     * rows are those the function leaves: new, already on the board (its changes then go to the function), and beside
     * a delegation on the board in the same batch.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "by COPY: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aDelegationRegisteredInItsBatchIsFoldedIntoTheRowsTheFunctionLeaves(boolean byCopy) {
        DelegationBoardProjection projection = byCopy ? this.projection : fromJson;
        String each = lifeChangeByChange();
        String folded = "DEL-" + UUID.randomUUID();
        String again = "DEL-" + UUID.randomUUID();
        String beside = "DEL-" + UUID.randomUUID();
        assertThat(new BoardFold(json).add(folded, nodes(LIFE, folded))).as("the life is folded, not left to the "
                + "function").isTrue();

        projection.send(nodes(LIFE, folded));
        assertThat(rows(folded)).isEqualTo(rows(each))
                .contains("\"SCREENED\"", "Meeting 2, later", "1200.50", "item-7", "TOURISM", "WITHDRAWN", "Away",
                        "VENUE_TAKEN", "Out of scope");
        projection.send(nodes(LIFE, folded));
        assertThat(rows(folded)).as("its life seen again").isEqualTo(rows(each));

        projection.send(nodes(LIFE.subList(0, 12), again));
        List<tools.jackson.databind.node.ObjectNode> batch = new java.util.ArrayList<>(nodes(LIFE, again));
        batch.addAll(nodes(LIFE, beside));
        projection.send(batch);
        assertThat(rows(again)).as("on the board before the batch").isEqualTo(rows(each));
        assertThat(rows(beside)).as("new in a batch with one on the board").isEqualTo(rows(each));
    }

    /**
     * Random lives, with changes seen before, answers to offers never made, items and requests that are not there,
     * registrations again and lists of awkward texts: folded, each leaves the rows the function leaves.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "by COPY: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void randomLivesFoldedLeaveTheRowsTheFunctionLeaves(boolean byCopy) {
        DelegationBoardProjection projection = byCopy ? this.projection : fromJson;
        java.util.Random random = new java.util.Random(20261203);
        int folds = 0;
        for (int n = 0; n < 200; n++) {
            List<tools.jackson.databind.node.ObjectNode> life = randomLife(random);
            String byFunction = "DEL-" + UUID.randomUUID();
            String byFold = "DEL-" + UUID.randomUUID();
            List<tools.jackson.databind.node.ObjectNode> functions = copies(life, byFunction);
            List<tools.jackson.databind.node.ObjectNode> folded = copies(life, byFold);
            jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))")
                    .param("changes", json.writeValueAsString(functions)).query().listOfRows();
            folds += new BoardFold(json).add(byFold, folded) ? 1 : 0;

            projection.send(folded);

            assertThat(rows(byFold)).as(json.writeValueAsString(folded)).isEqualTo(rows(byFunction));
        }
        assertThat(folds).as("lives folded, not left to the function").isEqualTo(200);
    }

    /**
     * The folded rows are copied by the columns read at the first batch; a column a migration dropped since then
     * fails one batch (retried by the processor), and the next is written by the columns as they are.
     */
    @Test
    void aColumnDroppedAfterTheColumnsWereReadFailsOneBatchAndTheNextIsWritten() {
        String each = lifeChangeByChange();
        String before = "DEL-" + UUID.randomUUID();
        String after = "DEL-" + UUID.randomUUID();
        DelegationBoardProjection fresh = new DelegationBoardProjection(jdbc, json, QueryDatabase.dataSource());
        jdbc.sql("ALTER TABLE delegation_refusal ADD COLUMN probe_dropped integer").update();
        try {
            fresh.send(nodes(LIFE, before));
        } finally {
            jdbc.sql("ALTER TABLE delegation_refusal DROP COLUMN probe_dropped").update();
        }
        assertThat(rows(before)).isEqualTo(rows(each));

        List<tools.jackson.databind.node.ObjectNode> batch = nodes(LIFE, after);
        // in a transaction, as a processor's batch: the failed batch leaves nothing
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(QueryDatabase.dataSource()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> fresh.send(batch))).rootCause().hasMessageContaining("probe_dropped");
        assertThat(jdbc.sql("SELECT count(*) FROM delegation_board WHERE delegation_id = :id").param("id", after)
                .query(Long.class).single()).isZero();
        transactions.executeWithoutResult(status -> fresh.send(batch));
        assertThat(rows(after)).isEqualTo(rows(each));
    }

    @Test
    void theFoldReadsTheArrayLiteralsTheHandlersWrite() {
        List<String> values = java.util.Arrays.asList("HEALTH_WELFARE_TECH", "a\"b", "c,d", "e\\f", "{g}", " h ",
                "", "NULL", null, "Nanjing 南京 ø");

        assertThat(BoardFold.parseArrayLiteral(DelegationBoardProjection.arrayLiteral(values.stream())))
                .isEqualTo(values);
        assertThat(BoardFold.parseArrayLiteral("{}")).isEmpty();
    }

    @Test
    void theOperatorsWhoSeeADelegationAreKeptAsItsAssignmentsChangeAsTheAssignmentsSay() {
        register();
        List<String> steps = List.of(
                assignmentChange("offered", 1, "op-m"), assignmentChange("offered", 2, "op-b"), assignmentChange("offered", 3, "op-z"),
                assignmentChange("offered", 4, "op-b"), assignmentChange("accepted", 5, "op-m"), assignmentChange("declined", 6, "op-b"),
                assignmentChange("accepted", 7, "op-nobody"), assignmentChange("escalated", 8, "op-z"),
                assignmentChange("assignment-withdrawn", 9, "op-z"), assignmentChange("declined", 10, "op-nobody"),
                assignmentChange("offered", 11, "op-b"), assignmentChange("escalated", 12, "op-a"), assignmentChange("offered", 13, "op-a"),
                assignmentChange("assignment-withdrawn", 14, "op-m"), assignmentChange("accepted", 15, "op-b"));
        List<String> seen = new java.util.ArrayList<>();
        for (String step : steps) {
            jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))").param("changes", step)
                    .query().listOfRows();
            seen.add(jdbc.sql("SELECT operators::text FROM delegation_board WHERE delegation_id = :id")
                    .param("id", id.value()).query(String.class).single());
            assertThat(seen.get(seen.size() - 1)).as("after " + step)
                    .isEqualTo(jdbc.sql("SELECT delegation_board_visible_to(:id)::text").param("id", id.value())
                            .query(String.class).single());
        }
        assertThat(seen).containsExactly("{op-m}", "{op-b,op-m}", "{op-b,op-m,op-z}", "{op-b,op-m,op-z}",
                "{op-b,op-m,op-z}", "{op-m,op-z}", "{op-m,op-z}", "{op-m,op-z}", "{op-m}", "{op-m}",
                "{op-b,op-m}", "{op-b,op-m}", "{op-a,op-b,op-m}", "{op-a,op-b}", "{op-a,op-b}");
    }

    @Test
    void listsOfTextsReachTheFunctionAsTheyWere() {
        List<String> values = java.util.Arrays.asList("HEALTH_WELFARE_TECH", "a\"b", "c,d", "e\\f", "{g}", " h ",
                "", "NULL", null, "Nanjing 南京 ø");
        String literal = DelegationBoardProjection.arrayLiteral(values.stream());

        List<String> read = jdbc.sql("SELECT unnest(delegation_board_texts(to_jsonb(CAST(:literal AS text))))")
                .param("literal", literal).query((rs, n) -> rs.getString(1)).list();
        List<String> readFromJson = jdbc.sql("SELECT unnest(delegation_board_texts(CAST(:json AS jsonb)))")
                .param("json", json.writeValueAsString(values)).query((rs, n) -> rs.getString(1)).list();

        assertThat(read).isEqualTo(values);
        assertThat(readFromJson).as("a JSON array, as sent before").isEqualTo(values);
        assertThat(DelegationBoardProjection.arrayLiteral(java.util.stream.Stream.empty())).isEqualTo("{}");
        assertThat(jdbc.sql("SELECT cardinality(delegation_board_texts(to_jsonb('{}'::text)))").query(Integer.class)
                .single()).isZero();
    }

    /** A programme item's change for {@link #changesAppliedInOneCallLeaveTheSameRowsAsOneCallEach}. */
    private static String item(String event, int version, String item, String title) {
        return ("{'event':'%s','version':%d,'item':'%s','kind':'MEETING','title':'%s','starts':'2027-04-12T08:00:00Z',"
                + "'ends':'2027-04-12T09:00:00Z','venue':null,'host':null,'hostIsHospital':false,"
                + "'venueIsHospital':false,'plannedBy':'chc'}").formatted(event, version, item, title);
    }

    /** The change for delegation {@code id}, made {@code version} minutes after the first. */
    private static String change(String template, String id, long position) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("'version':(\\d+)").matcher(template);
        Instant at = Instant.parse("2027-03-01T09:00:00Z")
                .plus(version.find() ? Long.parseLong(version.group(1)) : 0, ChronoUnit.MINUTES);
        return template.replace("'event'", "'id':'" + id + "','at':'" + at + "','event'")
                .replace("%P%", Long.toString(position)).replace('\'', '"');
    }

    /** An offer for {@link #changesAppliedInOneCallLeaveTheSameRowsAsOneCallEach}. */
    private static String offer(int version, String operator, String role) {
        return ("{'event':'offered','version':%d,'operator':'%s','role':'%s','due':'2027-03-0%dT09:00:00Z',"
                + "'position':%d}").formatted(version, operator, role, version % 9 + 1, version);
    }

    /** The changes of {@code life} for delegation {@code id}, as the handlers hand them over. */
    /** A new delegation given {@link #LIFE} by the function, one change a call; returns its id. */
    private String lifeChangeByChange() {
        String id = "DEL-" + UUID.randomUUID();
        for (String change : LIFE) {
            jdbc.sql("SELECT delegation_board_apply(CAST(:changes AS jsonb))")
                    .param("changes", "[" + change(change, id, POSITIONS.incrementAndGet()) + "]").query()
                    .listOfRows();
        }
        return id;
    }

    private List<tools.jackson.databind.node.ObjectNode> nodes(List<String> life, String id) {
        return life.stream().map(change -> (tools.jackson.databind.node.ObjectNode) json.readTree(
                change(change, id, POSITIONS.incrementAndGet()))).toList();
    }

    /** The changes for delegation {@code id}, registered at a board position of its own. */
    private static List<tools.jackson.databind.node.ObjectNode> copies(
            List<tools.jackson.databind.node.ObjectNode> life, String id) {
        long position = POSITIONS.incrementAndGet();
        return life.stream().map(change -> {
            tools.jackson.databind.node.ObjectNode copy = change.deepCopy().put("id", id);
            return copy.get("event").asString().equals("registered") ? copy.put("position", position) : copy;
        }).toList();
    }

    /** A random life of a delegation: its registration, then up to 40 changes of every kind, some seen before. */
    private List<tools.jackson.databind.node.ObjectNode> randomLife(java.util.Random random) {
        // upper case, non-ASCII, above the surrogates and beyond the basic plane: orders differ by collation
        List<String> operators = List.of("op-b", "op-a", "op-c", "op-B", "op-Ø", "op-\uFF21", "op-\uD83D\uDE00");
        List<String> items = List.of("i-1", "i-2", "i-3");
        List<String> requests = List.of("r-1", "r-2", "r-3");
        List<String> events = List.of("screened", "routed", "refused", "offered", "offered", "accepted", "declined",
                "escalated", "assignment-withdrawn", "scope-requested", "scope-approved", "scope-rejected",
                "item-added", "item-added", "item-changed", "item-removed", "cost-covered", "confirmed", "completed",
                "closed", "advanced", "registered");
        List<tools.jackson.databind.node.ObjectNode> life = new java.util.ArrayList<>();
        life.add(randomChange("registered", 0, random, operators, items, requests));
        int version = 0;
        for (int n = random.nextInt(41); n > 0; n--) {
            int seen = random.nextInt(10) == 0 ? random.nextInt(version + 1) : ++version;
            life.add(randomChange(events.get(random.nextInt(events.size())), seen, random, operators, items,
                    requests));
        }
        return life;
    }

    private tools.jackson.databind.node.ObjectNode randomChange(String event, int version, java.util.Random random,
                                                              List<String> operators, List<String> items,
                                                              List<String> requests) {
        List<String> texts = List.of("TOURISM", "MARITIME", "a\"b", "c,d", "NULL", "南京", "tab\tnew\nline\r",
                "back\\slash \\N");
        java.util.function.Supplier<String> list = () -> DelegationBoardProjection.arrayLiteral(
                random.ints(random.nextInt(4), 0, texts.size() + 1)
                        .mapToObj(i -> i == texts.size() ? null : texts.get(i)));
        java.util.function.Function<List<String>, String> one = values -> values.get(random.nextInt(values.size()));
        Instant at = NOW.plus(version, ChronoUnit.MINUTES);
        tools.jackson.databind.node.ObjectNode change = json.createObjectNode().put("event", event)
                .put("version", version).put("at", at.toString());
        switch (event) {
            case "registered" -> change.put("position", 900_000_009L).put("channel", "EMBASSY")
                    .put("organisation", "Org").put("province", "Jiangsu").put("city", "Nanjing")
                    .put("type", "ADMINISTRATIVE").put("level", "PROVINCIAL").put("headCount", 12)
                    .put("wishedFrom", "2027-04-12").put("wishedTo", "2027-04-16").put("themes", list.get())
                    .put("purpose", "Visit").put("opportunity", "Partners").put("actor", "desk").put("country", "CN")
                    .put("received", "2027-01-20").put("imported", random.nextBoolean());
            case "screened" -> change.put("repeat", random.nextBoolean()).put("assessment", "Assessed")
                    .put("earlier", list.get());
            case "routed" -> change.put("lead", one.apply(operators)).put("routing", random.nextInt(5))
                    .put("override", random.nextBoolean()).put("reason", random.nextBoolean() ? null : "Why")
                    .put("supporting", list.get());
            case "refused" -> change.put("kind", "CONFIRMATION").put("code", "VENUE_TAKEN").put("reason", "Booked")
                    .put("items", list.get());
            case "offered" -> change.put("operator", one.apply(operators)).put("role", random.nextBoolean()
                    ? "LEAD" : "SUPPORTING").put("due", at.plus(3, ChronoUnit.DAYS).toString())
                    .put("position", 900_000_000L + version);
            case "accepted", "declined", "escalated", "assignment-withdrawn" -> change
                    .put("operator", random.nextInt(8) == 0 ? "op-never-offered" : one.apply(operators))
                    .put("lead", random.nextBoolean()).put("returned", random.nextBoolean())
                    .put("reason", "Busy\t" + version + "\\N\n").put("position", 900_000_000L + version);
            case "scope-requested", "scope-approved", "scope-rejected" -> change.put("request", one.apply(requests))
                    .put("reason", "Because " + version).put("themes", list.get());
            case "item-added", "item-changed" -> change.put("item", one.apply(items)).put("kind", "MEETING")
                    .put("title", "Meeting \\." + version).put("starts", at.plus(30, ChronoUnit.DAYS).toString())
                    .put("ends", at.plus(30, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString())
                    .put("venue", random.nextBoolean() ? null : "venue-1").put("host", "host-1")
                    .put("hostIsHospital", random.nextBoolean()).put("venueIsHospital", random.nextBoolean())
                    .put("plannedBy", event.equals("item-added") ? "chc" : null);
            case "item-removed" -> {
                if (random.nextInt(6) > 0) {
                    change.put("item", one.apply(items));
                }
            }
            case "cost-covered" -> change.put("item", one.apply(items)).put("payer", "Region").put("basis", "Deal")
                    .put("amount", random.nextInt(100_000) + ".50").put("currency", "DKK");
            case "completed" -> {
                if (random.nextBoolean()) {
                    change.set("outcome", json.createObjectNode().put("summary", "Went well")
                            .put("investmentLeads", version));
                }
            }
            case "closed" -> change.put("status", one.apply(List.of("DECLINED", "CANCELLED", "WITHDRAWN")))
                    .put("reason", "Closed " + version);
            default -> {
                // confirmed, advanced: the version and time only
            }
        }
        return change;
    }

    /** A delegation's board row, items, assignments, scope requests and refusals, without its id and position. */
    private String rows(String id) {
        return jdbc.sql("""
                        SELECT (SELECT to_jsonb(b) - 'delegation_id' - 'board_position' FROM delegation_board b
                                WHERE delegation_id = :id)::text || ' ' ||
                               COALESCE((SELECT jsonb_agg(to_jsonb(i) - 'delegation_id' ORDER BY item_id)
                                         FROM delegation_programme_item i WHERE delegation_id = :id)::text, '')
                               || ' ' ||
                               COALESCE((SELECT jsonb_agg(to_jsonb(a) - 'delegation_id' ORDER BY operator_id)
                                         FROM delegation_assignment a WHERE delegation_id = :id)::text, '')
                               || ' ' ||
                               COALESCE((SELECT jsonb_agg(to_jsonb(s) - 'delegation_id' ORDER BY request_id)
                                         FROM delegation_scope_request s WHERE delegation_id = :id)::text, '')
                               || ' ' ||
                               COALESCE((SELECT jsonb_agg(to_jsonb(f) - 'delegation_id' ORDER BY version)
                                         FROM delegation_refusal f WHERE delegation_id = :id)::text, '')
                        """).param("id", id).query(String.class).single();
    }

    private String answer(String event, int version, String operator) {
        return """
                [{"event":"%s","id":"%s","version":%d,"at":"%s","operator":"%s","position":%d,"lead":true}]
                """.formatted(event, id.value(), version, at(version), operator, version);
    }

    /** An offer or an answer for one operator, with every field any of them reads. */
    private String assignmentChange(String event, int version, String operator) {
        return """
                [{"event":"%s","id":"%s","version":%d,"at":"%s","operator":"%s","position":%d,"lead":false,
                  "role":"SUPPORTING","due":"%s","returned":false,"reason":"Busy"}]
                """.formatted(event, id.value(), version, at(version), operator, version, at(version + 600));
    }

    private static void apply(Connection connection, String changes) throws SQLException {
        try (PreparedStatement apply = connection.prepareStatement("SELECT delegation_board_apply(CAST(? AS jsonb))")) {
            apply.setString(1, changes);
            apply.executeQuery().close();
        }
    }

    private void register() {
        new ProjectionFeed(projection).feed(id.value(), 0, new DelegationRegisteredEvent(id, Channel.EMBASSY,
                        organisation, "Jiangsu", "Nanjing", DelegationType.ADMINISTRATIVE, PoliticalLevel.PROVINCIAL,
                        12, LocalDate.of(2027, 4, 12), LocalDate.of(2027, 4, 16), List.of(Theme.HEALTH_WELFARE_TECH),
                        "Study visit", "Partners", "CN", LocalDate.of(2027, 1, 20)),
                NOW.minus(2, ChronoUnit.DAYS));
    }

    private static Instant at(int minutes) {
        return NOW.minus(1, ChronoUnit.DAYS).plus(minutes, ChronoUnit.MINUTES);
    }
}
