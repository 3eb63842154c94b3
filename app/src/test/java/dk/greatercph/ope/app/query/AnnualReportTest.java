package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.KpiTargetsAgreedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripCompletedEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.DelegationEvents.registration;
import static dk.greatercph.ope.app.support.DelegationEvents.accepted;
import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of receipt told as events — requests from three countries, completed ones with figures, declined and
 * cancelled ones, an operator's targets and the annual political trip — gives the committee's annual report as
 * counted by hand, the same in JSON, CSV and the spreadsheet. The year is one no other test uses (2500 and later:
 * the shared event helpers receive requests before 2400).
 */
@OpeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventLog log;
    int year;
    String operator;
    JsonNode report;

    @BeforeAll
    void aYearOfRequests() {
        year = ThreadLocalRandom.current().nextInt(2500, 2999);
        operator = "rep" + UUID.randomUUID().toString().substring(0, 8);
        log.append("Operator", operator, new OperatorRegisteredEvent(new OperatorId(operator), "Report operator",
                        List.of(Theme.AUTHORITY_SOIL_WATER), routingVersion(operator)),
                new KpiTargetsAgreedEvent(new OperatorId(operator), year, List.of(new KpiTarget(KpiKind.TOURISTS, 1000),
                        new KpiTarget(KpiKind.JOBS_CREATED, 50), new KpiTarget(KpiKind.COMPANIES_ATTRACTED, 2))));

        // From Jiangsu, private, led by the operator: 2 leads, 1 MoU, 1 company, 30 jobs, 400 tourists, 900 nights.
        DelegationId jiangsu = registered("CN", "Jiangsu", DelegationType.BUSINESS, LocalDate.of(year, 2, 10));
        ledAndCompleted(jiangsu, new Outcome("Investment", 2, List.of("Sino Wind"), List.of("MoU"), List.of(), 1, 30,
                400, 900));
        // From Zhejiang, public (political), declined by the desk.
        DelegationId zhejiang = registered("CN", "Zhejiang", DelegationType.POLITICAL, LocalDate.of(year, 3, 1));
        log.append("Delegation", zhejiang.value(), new DelegationDeclinedEvent(zhejiang, "No business focus"));
        // From Jiangsu, public, received in December of the year but registered in January of the next: counts here.
        DelegationId late = registeredAt("CN", "Jiangsu", DelegationType.ADMINISTRATIVE, LocalDate.of(year, 12, 30),
                LocalDate.of(year + 1, 1, 5).atTime(10, 0).toInstant(ZoneOffset.UTC));
        // From Sweden, academic, no province, cancelled by the delegation.
        DelegationId sweden = registered("SE", null, DelegationType.ACADEMIC, LocalDate.of(year, 5, 5));
        log.append("Delegation", sweden.value(), new DelegationCancelledEvent(sweden, "=Visa refused"));
        // From Germany, private (trade organisation), led by the operator: its tourists are not Chinese.
        DelegationId germany = registered("DE", null, DelegationType.TRADE_ORGANISATION, LocalDate.of(year, 6, 1));
        ledAndCompleted(germany, new Outcome("Trade fair", 1, List.of(), List.of(), List.of(), 0, 5, 50, 100));
        // Received the year before, registered in this year: not counted here.
        registeredAt("CN", "Jiangsu", DelegationType.BUSINESS, LocalDate.of(year - 1, 12, 20),
                LocalDate.of(year, 1, 3).atTime(10, 0).toInstant(ZoneOffset.UTC));

        TripId annual = TripId.newId();
        log.append("Trip", annual.value(), new TripPlannedEvent(annual, year, "Annual trip " + year,
                        List.of("Nanjing", "Wuxi"), LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 7),
                        new SealedText(PersonId.newId(), "AAAA"), false, null),
                new TripApprovedEvent(annual),
                new TripCompletedEvent(annual, "Partnership renewed", List.of("Health agreement"),
                        List.of(new FollowUp(new OperatorId(operator), "Invite the park"))));
        TripId extraordinary = TripId.newId();
        log.append("Trip", extraordinary.value(), new TripPlannedEvent(extraordinary, year, "Extra trip",
                List.of("Beijing"), LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 3),
                new SealedText(PersonId.newId(), "AAAA"), true, "An invitation"));

        report = new Api(port).as("desk").getUntil("/api/reports/annual/" + year, r -> r.status() == 200
                        && r.json().get("delegations").get("received").asLong() == 5
                        && r.json().get("outcomes").get("completed").asLong() == 2
                        && r.json().get("notRealised").get("cancelled").asLong() == 1
                        && r.json().path("politicalTrip").path("status").asString("").equals("COMPLETED")
                        && operator(r.json()) != null
                        && operator(r.json()).get("actuals").get("programmesDelivered").asLong() == 2
                        // the targets and the operator's name come from the operator directory, not the KPIs
                        && operator(r.json()).get("targets").size() == 3,
                Duration.ofSeconds(20)).json();
    }

    @Test
    void countsTheRequestsOfTheYearOfReceiptBySectorKindAndCountry() {
        JsonNode delegations = report.get("delegations");
        assertThat(delegations.get("received").asLong()).isEqualTo(5);
        assertThat(counts(delegations.get("bySector"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("PUBLIC", 2L, "PRIVATE", 2L, "ACADEMIC", 1L, "OTHER", 0L));
        assertThat(delegations.get("publicShare").asDouble()).isEqualTo(0.4);
        assertThat(delegations.get("privateShare").asDouble()).isEqualTo(0.4);
        assertThat(counts(delegations.get("byType"))).containsExactlyInAnyOrderEntriesOf(Map.of("BUSINESS", 1L,
                "POLITICAL", 1L, "ADMINISTRATIVE", 1L, "ACADEMIC", 1L, "TRADE_ORGANISATION", 1L));
        assertThat(counts(delegations.get("byCountry"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("CN", 3L, "SE", 1L, "DE", 1L));
    }

    @Test
    void splitsTheChineseRequestsIntoJiangsuAndTheRestOfChina() {
        JsonNode china = report.get("china");
        assertThat(china.get("received").asLong()).isEqualTo(3);
        assertThat(china.get("jiangsu").asLong()).isEqualTo(2);
        assertThat(china.get("restOfChina").asLong()).isEqualTo(1);
        assertThat(counts(china.get("byProvince"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("Jiangsu", 2L, "Zhejiang", 1L));
    }

    @Test
    void sumsTheOutcomeFiguresCountingTouristsFromChinaOnly() {
        JsonNode outcomes = report.get("outcomes");
        assertThat(outcomes.get("completed").asLong()).isEqualTo(2);
        assertThat(outcomes.get("investmentLeads").asLong()).isEqualTo(3);
        assertThat(outcomes.get("mousSigned").asLong()).isEqualTo(1);
        assertThat(outcomes.get("companiesEstablished").asLong()).isEqualTo(1);
        assertThat(outcomes.get("jobsCreated").asLong()).isEqualTo(35);
        assertThat(outcomes.get("chineseTourists").asLong()).isEqualTo(400);
        assertThat(outcomes.get("chineseOvernightStays").asLong()).isEqualTo(900);
    }

    @Test
    void listsTheRequestsNotRealisedWithTheirReasons() {
        JsonNode notRealised = report.get("notRealised");
        assertThat(notRealised.get("declined").asLong()).isEqualTo(1);
        assertThat(notRealised.get("cancelled").asLong()).isEqualTo(1);
        assertThat(notRealised.get("withdrawn").asLong()).isZero();
        assertThat(notRealised.get("delegations").valueStream().map(d -> d.get("status").asString() + " "
                + d.get("country").asString() + " " + d.get("dateReceived").asString() + " " + d.get("reason").asString()))
                .containsExactly("DECLINED CN " + LocalDate.of(year, 3, 1) + " No business focus",
                        "CANCELLED SE " + LocalDate.of(year, 5, 5) + " =Visa refused");
    }

    @Test
    void setsEachOperatorsTargetsAgainstItsActualsAsTheKpisDo() {
        JsonNode targets = operator(report).get("targets");
        assertThat(targets.valueStream().map(t -> t.get("kind").asString() + "=" + t.get("target").asLong() + "/"
                + t.get("actual").asLong()))
                .containsExactlyInAnyOrder("TOURISTS=1000/400", "JOBS_CREATED=50/35", "COMPANIES_ATTRACTED=2/1");
        JsonNode kpis = new Api(port).as("auditor").get("/api/kpis?year=" + year).json();
        assertThat(kpis.get("operators").valueStream().filter(o -> o.get("operatorId").asString().equals(operator))
                .findFirst().orElseThrow()).isEqualTo(operator(report));
    }

    @Test
    void showsTheYearsAnnualPoliticalTripAndItsReport() {
        JsonNode trip = report.get("politicalTrip");
        assertThat(trip.get("title").asString()).isEqualTo("Annual trip " + year);
        assertThat(trip.get("destinations").valueStream().map(JsonNode::asString)).containsExactly("Nanjing", "Wuxi");
        assertThat(trip.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(trip.get("outcomes").asString()).isEqualTo("Partnership renewed");
        assertThat(trip.get("agreementsSigned").valueStream().map(JsonNode::asString)).containsExactly("Health agreement");
        assertThat(trip.get("followUps").valueStream().map(JsonNode::asString))
                .containsExactly(operator + ": Invite the park");
    }

    @Test
    void writesTheSameFiguresAsCsvThatParsesBack() throws IOException {
        Api.Response csv = new Api(port).as("auditor").send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/reports/annual/" + year)).header("Accept", "text/csv")
                .GET(), Map.of());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"annual-report-" + year + ".csv\"");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            assertThat(parser.getHeaderNames()).containsExactly("section", "item", "measure", "value");
            records = parser.getRecords();
        }
        Map<String, String> values = new HashMap<>();
        records.forEach(r -> values.put(r.get("section") + "|" + r.get("item") + "|" + r.get("measure"), r.get("value")));
        assertThat(values).containsEntry("Delegations|received|requests", "5")
                .containsEntry("Sectors|PUBLIC|share", "0.4")
                .containsEntry("Countries|SE|requests", "1")
                .containsEntry("China|Jiangsu|requests", "2")
                .containsEntry("China|rest of China|requests", "1")
                .containsEntry("Provinces|Zhejiang|requests", "1")
                .containsEntry("Outcomes|Chinese tourists|total", "400")
                .containsEntry("Not realised|DECLINED|requests", "1")
                .containsEntry("Operators|" + operator + "|TOURISTS target", "1000")
                .containsEntry("Operators|" + operator + "|TOURISTS actual", "400")
                .containsEntry("Operators|" + operator + "|JOBS_CREATED actual", "35")
                .containsEntry("Political trip|report|outcomes", "Partnership renewed");
        assertThat(values).containsEntry("Not realised|" + sweden() + "|status", "CANCELLED")
                .containsEntry("Not realised|" + sweden() + "|country", "SE")
                .containsEntry("Not realised|" + sweden() + "|date received", LocalDate.of(year, 5, 5).toString());
        assertThat(values.get("Not realised|" + sweden() + "|reason"))
                .as("text that would start a formula is kept as text").isEqualTo("'=Visa refused");
    }

    @Test
    void writesTheSameFiguresAsASpreadsheet() throws Exception {
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/reports/annual/" + year + "?format=xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "desk:desk".getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"annual-report-" + year + ".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(numberAt(workbook.getSheet("Delegations"), "received", "requests")).isEqualTo(5);
            assertThat(numberAt(workbook.getSheet("Sectors"), "PRIVATE", "share")).isEqualTo(0.4);
            assertThat(numberAt(workbook.getSheet("China"), "Jiangsu", "requests")).isEqualTo(2);
            assertThat(numberAt(workbook.getSheet("Countries"), "DE", "requests")).isEqualTo(1);
            assertThat(numberAt(workbook.getSheet("Outcomes"), "jobs created", "total")).isEqualTo(35);
            assertThat(numberAt(workbook.getSheet("Operators"), operator, "COMPANIES_ATTRACTED actual")).isEqualTo(1);
            assertThat(numberAt(workbook.getSheet("Operators"), operator, "COMPANIES_ATTRACTED target")).isEqualTo(2);
            Sheet trip = workbook.getSheet("Political trip");
            assertThat(trip.getRow(0).getCell(0).getStringCellValue()).isEqualTo("item");
            assertThat(textAt(trip, "trip", "title")).isEqualTo("Annual trip " + year);
            Cell reason = cellAt(workbook.getSheet("Not realised"), sweden(), "reason");
            assertThat(reason.getCellType()).isEqualTo(CellType.STRING);
            assertThat(reason.getStringCellValue()).isEqualTo("=Visa refused");
        }
    }

    @Test
    void answersJsonByDefaultToABrowserAndTheSpreadsheetToItsMediaType() {
        Api desk = new Api(port).as("desk");
        String path = "/api/reports/annual/" + year;

        Api.Response browser = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET(), Map.of());
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.contentType()).startsWith("application/json");
        assertThat(browser.json()).isEqualTo(report);
        Api.Response spreadsheet = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").GET(), Map.of());
        assertThat(spreadsheet.status()).isEqualTo(200);
        assertThat(spreadsheet.header("Content-Disposition")).endsWith(".xlsx\"");
        Api.Response csvByParameter = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                + "?format=csv")).header("Accept", "application/json").GET(), Map.of());
        assertThat(csvByParameter.contentType()).startsWith("text/csv");
    }

    @Test
    void refusesAYearOutOfRangeAndAnUnknownFormatNamingTheParameter() {
        Api desk = new Api(port).as("desk");

        Api.Response badYear = desk.get("/api/reports/annual/1800");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
        Api.Response badFormat = desk.get("/api/reports/annual/" + year + "?format=pdf");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("code").asString()).isEqualTo("INVALID_REPORT_FORMAT");
        assertThat(badFormat.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
    }

    private String sweden() {
        return report.get("notRealised").get("delegations").valueStream()
                .filter(d -> d.get("country").asString().equals("SE")).findFirst().orElseThrow()
                .get("delegationId").asString();
    }

    private static double numberAt(Sheet sheet, String item, String measure) {
        Cell cell = cellAt(sheet, item, measure);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static String textAt(Sheet sheet, String item, String measure) {
        return cellAt(sheet, item, measure).getStringCellValue();
    }

    private static Cell cellAt(Sheet sheet, String item, String measure) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(item)
                    && row.getCell(1).getStringCellValue().equals(measure)) {
                return row.getCell(2);
            }
        }
        throw new AssertionError("no row " + item + " / " + measure + " in sheet " + sheet.getSheetName());
    }

    private DelegationId registered(String country, String province, DelegationType type, LocalDate received) {
        return registeredAt(country, province, type, received, received.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    private DelegationId registeredAt(String country, String province, DelegationType type, LocalDate received,
                                      Instant at) {
        DelegationId id = DelegationId.newId();
        LocalDate from = received.plusMonths(3);
        log.appendAt("Delegation", id.value(), at, registration(id, "Report " + id)
                .origin(country, province, null).type(type)
                .level(type.isPolitical() ? PoliticalLevel.PROVINCIAL : PoliticalLevel.NONE).headCount(5)
                .dates(from, from.plusDays(2)).received(received).themes(Theme.TOURISM).purpose("Visit")
                .opportunity("Partners").event());
        return id;
    }

    private void ledAndCompleted(DelegationId id, Outcome outcome) {
        log.append("Delegation", id.value(), routed(id, operator),
                offered(id, operator, AssignmentRole.LEAD, Instant.now().plus(Duration.ofDays(3))),
                accepted(id, operator, AssignmentRole.LEAD), new DelegationCompletedEvent(id, outcome));
    }

    private JsonNode operator(JsonNode report) {
        return report.get("operators").valueStream().filter(o -> o.get("operatorId").asString().equals(operator))
                .findFirst().orElse(null);
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> map = new HashMap<>();
        counts.properties().forEach(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    /** As KpiTest: the routing table's next version, so that the history written here names a version of its own. */
    private long routingVersion(String operatorId) {
        long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM routing_version").query(Long.class).single();
        jdbc.sql("INSERT INTO routing_version (version, operator_id, themes) VALUES (:version, :operator, :themes)")
                .param("version", version).param("operator", operatorId).param("themes", new String[]{Theme.AUTHORITY_SOIL_WATER.name()})
                .update();
        jdbc.sql("INSERT INTO routing_rule (operator_id, themes) VALUES (:operator, :themes)")
                .param("operator", operatorId).param("themes", new String[]{Theme.AUTHORITY_SOIL_WATER.name()}).update();
        return version;
    }
}
