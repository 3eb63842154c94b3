package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is canonical at the edge: text without control characters, lone surrogates or non-NFC forms, dates
 * within the documented range, JSON of exactly the declared types, and every refusal, even one raised before
 * Spring MVC sees the request, as {@code application/problem+json} with a code.
 */
@OpeIntegrationTest
class CanonicalInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    // ---- text in request bodies

    /** Jackson decoded overlong forms without a word: C0 AF was stored as "/", C0 80 as a NUL the refusal then named. */
    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "c080", "eda080", "f4908080", "c3"})
    void aBodyThatIsNotWellFormedUtf8IsRefusedAndRecordsNothing(String hex) {
        String organisation = "Overlong " + UUID.randomUUID();
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        for (Map<String, String> headers : List.of(Map.<String, String>of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()))) {
            String json = Requests.delegation(organisation + " MARK");
            int at = json.indexOf("MARK");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes(json.substring(at + 4).getBytes(StandardCharsets.UTF_8));
            Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/delegations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);

            assertThat(response.status()).as(hex + " " + headers + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_JSON");
            assertThat(response.json().get("detail").asString()).contains("UTF-8", "byte");
        }
        assertThat(desk.get("/api/delegations?q=" + organisation.replace(" ", "%20")).json().get("items").size())
                .isZero();
    }

    @Test
    void wellFormedUtf8OfEveryLengthIsRead() {
        String organisation = "江苏省卫生健康委员会 𠀋 é " + UUID.randomUUID();
        Api.Response response = desk.post("/api/delegations", Requests.delegation(organisation));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "purpose                | \\u0000",
            "purpose                | \\u0007",
            "purpose                | \\u007f",
            "requestingOrganisation | \\u0085",
            "requestingOrganisation | \\u009b",
            "requestingOrganisation | \\n",
            "requestingOrganisation | \\t",
            "originCity             | \\r",
            "purpose                | \\ud800",
            "businessOpportunity    | \\udc00x",
            // noncharacters, for a program's own use: the annual spreadsheet wrote U+FFFF as "?"
            "requestingOrganisation | \\uffff",
            "purpose                | \\ufdd0",
            "originCity             | \\ud83f\\udffe"})
    void controlCharactersAndLoneSurrogatesAreRefusedByField(String field, String escaped) {
        Api.Response response = desk.post("/api/delegations", withText(field, "Bad " + escaped + " text"));

        assertProblem(response, 400, "INVALID_TEXT");
        // the body holds that field only: the fields it lacks are named after it
        assertThat(firstField(response)).isEqualTo(field);
    }

    /** Text that shows nothing passed every "not blank" check (R2's business focus, R3's payer and basis). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "businessOpportunity    | \\u00a0",
            "requestingOrganisation | \\u200b\\u202e",
            "purpose                | \\u2800 \\u3164",
            "originCity             | \\ufeff\\u2007",
            // blank to Java, so it passed as text; R2 then read the stored opportunity as none
            "businessOpportunity    | \\u3000",
            "purpose                | \\u2003 \\u3000"})
    void textOfOnlyInvisibleCharactersIsRefusedByField(String field, String escaped) {
        Api.Response response = desk.post("/api/delegations", withText(field, escaped));

        assertProblem(response, 400, "INVALID_TEXT");
        // the body holds that field only: the fields it lacks are named after it
        assertThat(firstField(response)).isEqualTo(field);
    }

    @Test
    void invisibleCharactersBesideVisibleTextAreKept() {
        Api.Response response = desk.post("/api/delegations", withText("purpose", "Caf\\u00e9\\u00a0visit\\u200d"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void multiLineFieldsKeepTabsAndLineBreaks() {
        String organisation = "Multi-line " + UUID.randomUUID();
        Api.Response response = desk.post("/api/delegations", Requests.delegation(organisation)
                .replace("Study visit on welfare technology", "Study visit\\r\\n\\twelfare technology\\nday two"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode view = desk.getUntil(response.header("Location"), r -> r.status() == 200,
                java.time.Duration.ofSeconds(10)).json();
        assertThat(view.get("purpose").asString()).isEqualTo("Study visit\r\n\twelfare technology\nday two");
    }

    @Test
    void textNotInNormalFormCIsRefused() {
        Api.Response response = desk.post("/api/delegations", withText("requestingOrganisation", "Cafe\\u0301 Nord"));

        assertProblem(response, 400, "INVALID_TEXT");
        assertThat(fields(response)).isEqualTo("requestingOrganisation");
    }

    @Test
    void textInNormalFormCIsAccepted() {
        Api.Response response = desk.post("/api/delegations",
                withText("requestingOrganisation", "Caf\\u00e9 Nord \\u6c5f\\u82cf \\ud83d\\ude00 " + UUID.randomUUID()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "desk    | /api/delegations/DEL-x/members                       | name",
            "desk    | /api/delegations/DEL-x/programme-items               | title",
            "desk    | /api/delegations/DEL-x/scope-expansions              | reason",
            "desk    | /api/delegations/DEL-x/cancellation                  | reason",
            "desk    | /api/delegations/DEL-x/withdrawal                    | reason",
            "desk    | /api/delegations/DEL-x/screening                     | businessOpportunityAssessment",
            "desk    | /api/trips                                           | title",
            "desk    | /api/trips/TRIP-x/participants                       | name",
            "desk    | /api/trips/TRIP-x/itinerary-items                    | counterpart",
            "desk    | /api/operators                                       | name",
            "desk    | /api/partners                                        | name",
            "desk    | /api/venues                                          | address",
            "desk    | /api/persons/PER-x/erasure                           | legalBasis",
            "auditor | /api/audit/checkpoint/verification                   | algorithm"})
    void everyRequestBodyRefusesANulByField(String user, String path, String field) {
        Api.Response response = new Api(port).as(user).post(path, "{\"" + field + "\":\"before\\u0000after\"}");

        assertProblem(response, 400, "INVALID_TEXT");
        // the body holds that field only: the fields it lacks are named after it
        assertThat(firstField(response)).isEqualTo(field);
    }

    @Test
    void checkpointTimeBeyondTheRangeIsRefusedByField() {
        Api.Response response = new Api(port).as("auditor").post("/api/audit/checkpoint/verification",
                "{\"issuedAt\":\"+999999999-12-31T00:00:00Z\"}");

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(firstField(response)).isEqualTo("issuedAt");
    }

    @Test
    void controlCharacterInAListElementNamesTheElement() {
        Api.Response response = desk.post("/api/trips", trip("2100-05-10", "2100-05-16")
                .replace("\"Suzhou\"", "\"Su\\u0000zhou\""));

        assertProblem(response, 400, "INVALID_TEXT");
        assertThat(fields(response)).isEqualTo("destinations[1]");
    }

    @Test
    void controlCharacterInANestedRecordNamesItsPath() {
        Api.Response response = desk.post("/api/trips/TRIP-" + UUID.randomUUID() + "/completion", """
                {"outcomes":"Done","followUps":[{"operatorId":"chc","action":"Call\\u0000back"}]}""");

        assertProblem(response, 400, "INVALID_TEXT");
        assertThat(fields(response)).isEqualTo("followUps[0].action");
    }

    /** The same follow-up twice was recorded twice, while a company or MoU named twice was refused. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/trips/TRIP-%s/completion", "/api/delegations/DEL-%s/completion"})
    void aFollowUpListedTwiceIsRefusedNamingTheList(String path) {
        String followUp = "{\"operatorId\":\"copcap\",\"action\":\"Call back\"}";
        String report = path.contains("trips") ? "\"outcomes\":\"Done\"" : "\"summary\":\"Done\",\"investmentLeads\":0";
        Api.Response response = desk.post(path.formatted(UUID.randomUUID()),
                "{" + report + ",\"followUps\":[" + followUp + "," + followUp + "]}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(fields(response)).isEqualTo("followUps");
    }

    // ---- query and path parameters

    @ParameterizedTest
    @CsvSource({
            "/api/delegations?operator=, operator",
            "/api/delegations?q=, q",
            "/api/audit/events?aggregateType=, aggregateType",
            "/api/audit/events?aggregateId=, aggregateId",
            "/api/audit/events?type=, type",
            "/api/audit/events?actor=, actor",
            "/api/schedule?operator=, operator",
            "/api/schedule?venue=, venue",
            "/api/schedule?host=, host",
            "/api/schedule.ics?host=, host"})
    void controlCharacterInAQueryParameterIsRefusedByName(String path, String parameter) {
        for (String bad : new String[]{"%00", "a%01b", "%C2%85", "e%CC%81"}) {
            Api.Response response = desk.get(path + bad);

            assertProblem(response, 400, "INVALID_TEXT");
            assertThat(fields(response)).as(path + bad).isEqualTo(parameter);
        }
    }

    /** A misspelt filter was ignored, and the whole board or log answered as if it were the filtered one. */
    @ParameterizedTest
    @CsvSource({
            "/api/delegations?limit=5&stauts=COMPLETED, stauts",
            "/api/audit/events?aggregateid=DEL-1, aggregateid",
            "/api/schedule?from=2027-01-01&to=2027-01-08&operators=chc, operators",
            "/api/kpis?year=2027&yaer=2026, yaer",
            "/api/operators/chc?minversion=3, minversion"})
    void anUnknownQueryParameterIsRefusedByName(String path, String parameter) {
        Api.Response response = desk.get(path);

        assertProblem(response, 400, "INVALID_PARAMETER");
        assertThat(fields(response)).as(path).isEqualTo(parameter);
    }

    @Test
    void aCommandRefusesAQueryParameterAndKnownOnesPass() {
        assertProblem(desk.post("/api/delegations?dryRun=true", Requests.delegation("Query " + UUID.randomUUID())),
                400, "INVALID_PARAMETER");
        assertThat(desk.get("/api/delegations?limit=5&status=COMPLETED&operator=chc").status()).isEqualTo(200);
        assertThat(desk.get("/api/schedule?from=2027-01-01&to=2027-01-08&operator=chc&limit=5").status())
                .isEqualTo(200);
    }

    @Test
    void controlCharacterInAPathVariableIsRefusedByName() {
        Api.Response response = desk.get("/api/audit/Dele%01gation/DEL-1/timeline");

        assertProblem(response, 400, "INVALID_TEXT");
        assertThat(fields(response)).isEqualTo("aggregateType");
    }

    @Test
    void likeWildcardsInTheEventTypeFilterAreLiteral() {
        Api auditor = new Api(port).as("auditor");
        for (String type : new String[]{"%25", "%5C", "_", "%25Event", "Delegation%5C", "Delegation_egistered"}) {
            Api.Response response = auditor.get("/api/audit/events?limit=5&type=" + type);

            // no event type has such a name: refused as a name, never matched as a pattern
            assertProblem(response, 400, "UNKNOWN_EVENT_TYPE");
            assertThat(fields(response)).as(type).isEqualTo("type");
        }
        desk.post("/api/delegations", Requests.delegation("Typed " + UUID.randomUUID()));
        assertThat(auditor.get("/api/audit/events?limit=5&type=DelegationRegisteredEvent").json().get("items").size())
                .isPositive();
    }

    // ---- dates

    @ParameterizedTest
    @CsvSource({
            "wishedFrom, -4714-01-01",
            "wishedFrom, 0000-01-01",
            "wishedFrom, 1899-12-31",
            "wishedTo, +999999999-12-31",
            "wishedTo, +10000-01-01",
            "wishedTo, 9999-12-31",
            "wishedTo, 3000-01-01"})
    void delegationDatesOutsideTheRangeAreRefusedByField(String field, String date) {
        String body = Requests.delegation("Dates " + UUID.randomUUID())
                .replaceAll("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + date + "\"");

        Api.Response response = desk.post("/api/delegations", body);

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo(field);
    }

    @Test
    void datesAtTheEndsOfTheRangeAreAcceptedAndShown() {
        Api.Response response = desk.post("/api/delegations", Requests.delegation("Range " + UUID.randomUUID())
                .replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"1900-01-01\"")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2999-12-31\""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode view = desk.getUntil(response.header("Location"), r -> r.status() == 200,
                java.time.Duration.ofSeconds(10)).json();
        assertThat(view.get("wishedFrom").asString()).isEqualTo("1900-01-01");
        assertThat(view.get("wishedTo").asString()).isEqualTo("2999-12-31");
    }

    @ParameterizedTest
    @CsvSource({"2100-12-31, 9999-12-31, endDate", "2100-12-31, 3000-01-01, endDate", "1899-12-31, 2100-01-05, startDate"})
    void tripDatesBeyondTheRangeAreRefusedByField(String start, String end, String field) {
        Api.Response response = desk.post("/api/trips", TripPlan.of(2100).titled("Long trip").dates(start, end)
                .extraordinary("Range probe").json());

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo(field);
    }

    /**
     * A date-time is judged where it is shown, not only by its own offset: in Europe/Copenhagen (schedule, views,
     * feed) and in UTC (stored instants). Each value below is within the range by its own offset's date, or is
     * written without an offset (Copenhagen time), and would be shown outside it. Both out of range, both are named.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "endsAt,startsAt | 9999-12-31T22:00Z  | 9999-12-31T23:59Z",
            "endsAt   | 2999-12-31T20:00Z         | 2999-12-31T23:59Z",
            "endsAt   | 2999-12-31T20:00Z         | 2999-12-31T22:00-12:00",
            "endsAt,startsAt | 9999-12-31T22:00-12:00 | 9999-12-31T23:00-12:00",
            "startsAt | 1900-01-01T00:00+14:00    | 1900-01-02T10:00+01:00",
            "startsAt | 1900-01-01T00:30          | 1900-01-02T10:00",
            "endsAt   | 2999-12-31T20:00          | 3000-01-01T00:30",
            "endsAt   | 2999-12-31T20:00+01:00    | 3000-01-01T00:30+02:00"})
    void programmeItemTimesShownBeyondTheRangeAreRefusedByField(String field, String startsAt, String endsAt) {
        Api.Response response = desk.post("/api/delegations/DEL-" + UUID.randomUUID() + "/programme-items", """
                {"kind":"HOSPITAL_VISIT","title":"Visit","startsAt":"%s","endsAt":"%s","venueId":"VEN-1"}"""
                .formatted(startsAt, endsAt));

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).as(startsAt + " … " + endsAt).isEqualTo(field);
    }

    @Test
    void theEndsOfTheRangeAreWrittenToTheFeedWithFourDigitYears() {
        // a trip lasts at most 60 days, so the last one the API takes ends early in 2101 (the year's last start)
        Api.Response trip = desk.post("/api/trips", TripPlan.of(2100).titled("Late trip").dates("2100-12-31", "2101-02-28")
                .extraordinary("Range probe").json());
        assertThat(trip.status()).as(trip.body()).isEqualTo(201);
        String tripId = trip.json().get("id").asString();
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Range end " + UUID.randomUUID());
        String item = lifecycle.item(desk, delegation, "HOSPITAL_VISIT", lifecycle.venue(), null,
                "2999-12-31T22:00:00+01:00", "2999-12-31T23:59:00+01:00");

        Api.Response feed = desk.getUntil("/api/schedule.ics", r -> r.status() == 200
                        && r.body().contains(tripId + "@") && r.body().contains(delegation + "." + item + "@"),
                java.time.Duration.ofSeconds(10));

        String body = feed.body().replace("\r\n ", "");
        assertThat(body).contains("DTEND;VALUE=DATE:21010301", "DTEND;TZID=Europe/Copenhagen:29991231T235900")
                .doesNotContainPattern("(DTSTART|DTEND)[^:\\r\\n]*:[+-]");
    }

    @Test
    void tripEndingBeyondTheRangeIsRefusedByField() {
        Api.Response response = desk.post("/api/trips", trip("2100-05-10", "+999999999-12-31"));

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo("endDate");
    }

    @Test
    void itineraryTimeBeyondTheRangeIsRefusedByField() {
        Api.Response response = desk.post("/api/trips/TRIP-" + UUID.randomUUID() + "/itinerary-items", """
                {"startsAt":"0000-05-11T10:00:00","endsAt":"2100-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Provincial Health Commission"}""");

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo("startsAt");
    }

    @Test
    void programmeItemTimeBeyondTheRangeIsRefusedByField() {
        Api.Response response = desk.post("/api/delegations/DEL-" + UUID.randomUUID() + "/programme-items", """
                {"kind":"HOSPITAL_VISIT","title":"Visit","startsAt":"2027-04-13T10:00:00+02:00","endsAt":"1899-12-31T23:59:00+02:00",
                 "venueId":"VEN-1"}""");

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo("endsAt");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/delegations?from=0000-01-01, from",
            "/api/delegations?to=%2B999999999-12-31, to",
            "/api/schedule?from=-4714-01-01, from",
            "/api/schedule.ics?to=%2B10000-01-01, to",
            "/api/schedule.ics?to=3000-01-01, to",
            "/api/audit/events?to=2999-12-31T23:30:00Z, to",
            "/api/audit/events?from=0000-01-01T00:00:00Z, from",
            "/api/audit/events?to=%2B999999999-12-31T00:00:00Z, to",
            "/api/audit/Delegation/DEL-x/state?at=0000-01-01T00:00:00Z, at"})
    void dateFiltersOutsideTheRangeAreRefusedByName(String path, String parameter) {
        Api.Response response = desk.get(path);

        assertProblem(response, 400, "DATE_OUT_OF_RANGE");
        assertThat(fields(response)).isEqualTo(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/delegations?from=2027-05-01&to=2027-04-01",
            "/api/schedule?from=2027-05-01&to=2027-04-01",
            "/api/audit/events?from=2027-05-01T00:00:00Z&to=2027-04-01T00:00:00Z"})
    void dateFilterEndingBeforeItStartsIsRefused(String path) {
        Api.Response response = desk.get(path);

        assertProblem(response, 400, "INVALID_PERIOD");
        assertThat(fields(response)).isEqualTo("to");
    }

    // ---- strict JSON types

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "channel     | \"channel\":\"EMBASSY\"     | \"channel\":1",
            "headCount   | \"headCount\":12            | \"headCount\":1.5",
            "headCount   | \"headCount\":12            | \"headCount\":12.0",
            "headCount   | \"headCount\":12            | \"headCount\":\"12\"",
            "headCount   | \"headCount\":12            | \"headCount\":true",
            "headCount   | \"headCount\":12            | \"headCount\":99999999999",
            "headCount   | \"headCount\":12            | \"headCount\":-99999999999999999999999",
            "purpose     | \"purpose\":\"Study visit on welfare technology\" | \"purpose\":12",
            "purpose     | \"purpose\":\"Study visit on welfare technology\" | \"purpose\":false",
            "purpose     | \"purpose\":\"Study visit on welfare technology\" | \"purpose\":{\"a\":1}",
            "wishedFrom  | \"wishedFrom\":\"2027-04-12\" | \"wishedFrom\":20270412",
            "wishedFrom  | \"wishedFrom\":\"2027-04-12\" | \"wishedFrom\":[2027,4,12]",
            "themes      | \"themes\":[\"HEALTH_WELFARE_TECH\"] | \"themes\":\"HEALTH_WELFARE_TECH\""})
    void valuesOfTheWrongJsonTypeAreRefusedByField(String field, String valid, String invalid) {
        String body = Requests.delegation("Strict " + UUID.randomUUID());
        assertThat(body).contains(valid);

        Api.Response response = desk.post("/api/delegations", body.replace(valid, invalid));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).startsWith(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "\"yes\"", "null,\"hospital\":true", "\" \"", "\"\\t\"", "\"\"", "\"\\u0000\""})
    void booleansAreJsonBooleans(String hospital) {
        Api.Response response = desk.post("/api/partners",
                "{\"name\":\"Strict partner\",\"kind\":\"HOSPITAL\",\"hospital\":" + hospital + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isIn("INVALID_FIELD", "DUPLICATE_FIELD");
        assertThat(fields(response)).isEqualTo("hospital");
    }

    @Test
    void amountsAreJsonNumbers() {
        Api.Response response = desk.post("/api/delegations/DEL-x/programme-items/ITM-x/cost-coverage",
                "{\"payer\":\"Jiangsu\",\"basis\":\"Agreement\",\"amount\":\"45000.00\"}");

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("amount");
    }

    /**
     * An exponent that puts a number's digits beyond any value here is refused where it is read: 1E+2147483647
     * overflowed bean validation's digit count, passed {@code @Digits(integer = 12)}, and was recorded.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1E+2147483647", "123E+2147483645", "1E-2147483647", "1e401", "1e-401"})
    void amountsWithDigitsBeyondAnyValueAreRefusedByName(String amount) {
        Api.Response response = desk.post("/api/delegations/DEL-x/programme-items/ITM-x/cost-coverage",
                "{\"payer\":\"Jiangsu\",\"basis\":\"Agreement\",\"amount\":" + amount + "}");

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("amount");
    }

    @Test
    void anAmountInExponentNotationWithinTheDigitsIsRead() {
        Api.Response response = desk.post("/api/delegations/DEL-x/programme-items/ITM-x/cost-coverage",
                "{\"payer\":\"Jiangsu\",\"basis\":\"Agreement\",\"amount\":4.5E+4}");

        assertThat(response.status()).as("read, then the delegation is not found").isEqualTo(404);
    }

    /** Every answer is UTF-8: a charset the Accept header asks for is ignored (it was a 500 for anyone). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/actuator/health|application/json;charset=UTF-16",
            "/api/delegations?limit=1|application/json; charset=ISO-8859-1",
            "/api/kpis?year=2027|application/json;charset=\"UTF-32\", */*;q=0.1",
            "/api/delegations/DEL-x|application/json;charset=UTF-16"})
    void aCharsetInTheAcceptHeaderIsIgnored(String path, String accept) {
        Api.Response response = desk.get(path, Map.of("Accept", accept));

        assertThat(response.status()).as(response.body()).isIn(200, 404);
        assertThat(response.contentType()).doesNotContainIgnoringCase("charset=UTF-16")
                .doesNotContainIgnoringCase("ISO-8859-1").doesNotContainIgnoringCase("UTF-32");
        assertThat(response.json().isObject()).isTrue();
    }

    /** A body is read as sent: one labelled with a content coding is refused, where the label was ignored. */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br", "deflate, gzip", "bogus"})
    void aBodyWithAContentCodingIsRefused(String coding) {
        Api.Response response = desk.post("/api/venues", "{\"name\":\"Coded " + UUID.randomUUID() + "\",\"capacity\":5}",
                Map.of("Content-Encoding", coding));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    /** A JSON body is UTF-8: one labelled with another charset is refused, where the label was ignored. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=UTF-16", "application/json;charset=\"ISO-8859-1\"",
            "application/merge-patch+json; charset=windows-1252"})
    void aJsonBodyLabelledWithAnotherCharsetIsRefused(String contentType) {
        String name = "Latin " + UUID.randomUUID();
        Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/venues"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"capacity\":5}",
                        StandardCharsets.ISO_8859_1)), Map.of());

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=\"UTF-8\""})
    void aJsonBodyLabelledUtf8IsRead(String contentType) {
        String name = "Sal \u00e6\u00f8\u00e5 " + UUID.randomUUID();
        Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/venues"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"capacity\":5}")),
                Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(desk.getUntil("/api/venues", venues -> venues.body().contains(name), Duration.ofSeconds(10))
                .body()).contains(name);
    }

    /** No API parameter takes several values: one given twice is refused by name, where the first was read. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/kpis?year=2027&year=2028|year",
            "/api/delegations?limit=5&status=REGISTERED&limit=500|limit",
            "/api/schedule?from=2027-01-01&to=2027-01-08&t%6F=2027-02-01|to"})
    void aQueryParameterGivenTwiceIsRefusedByName(String path, String parameter) {
        Api.Response response = desk.get(path);

        assertProblem(response, 400, "INVALID_PARAMETER");
        assertThat(fields(response)).isEqualTo(parameter);
    }

    @Test
    void aRequiredParameterLeftOutIsRefusedByName() {
        Api.Response response = desk.get("/api/kpis");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).isEqualTo("year");
    }

    @Test
    void duplicateKeyIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations", Requests.delegation("Twice " + UUID.randomUUID())
                .replace("\"headCount\":12", "\"headCount\":12,\"headCount\":400"));

        assertProblem(response, 400, "DUPLICATE_FIELD");
        assertThat(fields(response)).isEqualTo("headCount");
    }

    @Test
    void duplicateKeyInANestedObjectNamesItsPath() {
        Api.Response response = desk.post("/api/trips/TRIP-" + UUID.randomUUID() + "/completion", """
                {"outcomes":"Done","followUps":[{"operatorId":"chc","operatorId":"clean","action":"Call"}]}""");

        assertProblem(response, 400, "DUPLICATE_FIELD");
        assertThat(fields(response)).isEqualTo("followUps[0].operatorId");
    }

    // ---- errors raised before Spring MVC

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /api/delegations/a%2Fb HTTP/1.1           | MALFORMED_REQUEST",
            "GET /api/delegations/a%00b HTTP/1.1           | MALFORMED_REQUEST",
            "GET /api/del\u0001egations HTTP/1.1           | MALFORMED_REQUEST",
            "GET /api/delegations/a%5Cb HTTP/1.1           | MALFORMED_REQUEST",
            "GET //api/delegations HTTP/1.1                | REQUEST_REJECTED",
            "GET /api/x/../delegations HTTP/1.1            | REQUEST_REJECTED",
            "GET /api/delegations;jsessionid=1 HTTP/1.1    | REQUEST_REJECTED",
            "GET /api/%2e%2e/delegations HTTP/1.1          | REQUEST_REJECTED"})
    void malformedRequestTargetsAreProblems(String requestLine, String code) throws IOException {
        RawResponse response = raw(requestLine + "\r\nHost: localhost\r\n" + basic("desk")
                + "Connection: close\r\n\r\n");

        assertRawProblem(response, 400, code);
    }

    @Test
    void oversizedHeaderIsAProblem() throws IOException {
        RawResponse response = raw("GET /api/delegations HTTP/1.1\r\nHost: localhost\r\n" + basic("desk")
                + "X-Filler: " + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

        assertRawProblem(response, 400, "MALFORMED_REQUEST");
    }

    @Test
    void bareCarriageReturnInAHeaderIsAProblem() throws IOException {
        RawResponse response = raw("GET /api/delegations HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\rb\r\n"
                + basic("desk") + "Connection: close\r\n\r\n");

        assertRawProblem(response, 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Bad: a\u0001b", "X-Bad: a\u0000b", "Idempotency-Key: k\u007fey"})
    void controlCharacterInAHeaderIsAProblem(String header) throws IOException {
        RawResponse response = raw("GET /api/delegations HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n"
                + basic("desk") + "Connection: close\r\n\r\n");

        assertRawProblem(response, 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"If-Match", "If-None-Match", "Idempotency-Key"})
    void aHeaderValueOutsideTheFirewallsRulesIsAProblemNotAFault(String header) throws IOException {
        String id = desk.post("/api/delegations", Requests.delegation("Header " + UUID.randomUUID())).json()
                .get("id").asString();
        // the view answers (and reads If-None-Match) once the board has the delegation
        desk.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(20));
        String fullWidthOne = new String("\uFF11".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String body = "{\"businessOpportunityAssessment\":\"Solid\"}";
        String request = !header.equals("If-None-Match")
                ? "POST /api/delegations/" + id + "/screening HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n"
                : "GET /api/delegations/" + id + " HTTP/1.1\r\n";
        RawResponse response = raw(request + "Host: localhost\r\n" + header + ": \"" + fullWidthOne + "\"\r\n"
                + basic("desk") + "Connection: close\r\n\r\n" + (!header.equals("If-None-Match") ? body : ""));

        assertRawProblem(response, 400, "REQUEST_REJECTED");
        assertThat(response.body()).as("it names the header, not the path").contains("header value")
                .doesNotContain("path");
    }

    @Test
    void aMultipartBodyThatCannotBeParsedIsAProblemNotAFault() throws IOException {
        String body = "abc";
        RawResponse response = raw("POST /api/imports?dryRun=true HTTP/1.1\r\nHost: localhost\r\n" + basic("desk")
                + "Content-Type: multipart/form-data\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertRawProblem(response, 400, "UNREADABLE_BODY");
    }

    /** More parameters than a request may have were told that the body could not be read as a form. */
    @Test
    void tooManyParametersAreNamedAsSuch() {
        StringBuilder query = new StringBuilder("limit=5");
        for (int i = 0; i < 1100; i++) {
            query.append("&p").append(i).append("=1");
        }
        Api.Response response = desk.get("/api/delegations?" + query);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
    }

    @ParameterizedTest
    @CsvSource({"q=%C3%28, q", "q=%ZZ, q", "q=%, q", "operator=%FF, operator", "limit=5&q=%C0%AF, q"})
    void undecodableQueryParameterIsRefusedByName(String query, String parameter) throws IOException {
        RawResponse response = raw("GET /api/delegations?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + basic("desk") + "Connection: close\r\n\r\n");

        assertRawProblem(response, 400, "INVALID_TEXT");
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    /** Pages read their parameters before the API's check does, and the sign-in page is open to anyone. */
    @ParameterizedTest
    @CsvSource({"/login?x=%ZZ, x", "/login?lang=%FF, lang", "/board?status=%C3%28, status"})
    void undecodableQueryParameterOfAPageIsRefusedByName(String target, String parameter) throws IOException {
        RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + (target.startsWith("/login") ? "" : basic("desk")) + "Connection: close\r\n\r\n");

        assertRawProblem(response, 400, "INVALID_TEXT");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("'" + parameter + "'");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        assertThat(problem.get("instance").asString()).isEqualTo(target.substring(0, target.indexOf('?')));
    }

    /**
     * The CSRF filter reads a posted form's token before any controller: a form it cannot read (no boundary, cut off,
     * a file name with a NUL) is refused.
     */
    @Test
    void unreadableFormPostedToThePagesIsRefused() throws IOException {
        String part = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb";
        String nulInName = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0.csv\"\r\n\r\n"
                + "country\r\n--x--\r\n";
        for (String[] form : List.of(new String[] {"multipart/form-data", part},
                new String[] {"multipart/form-data; boundary=x", part},
                new String[] {"multipart/form-data; boundary=x", nulInName})) {
            RawResponse response = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + form[0]
                    + "\r\nContent-Length: " + form[1].length() + "\r\nConnection: close\r\n\r\n" + form[1]);

            assertRawProblem(response, 400, "UNREADABLE_BODY");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
            assertThat(problem.get("instance").asString()).isEqualTo("/login");
        }
    }

    @Test
    void bodyThatIsNotUtf8IsRefused() throws IOException {
        String body = Requests.delegation("Latin " + UUID.randomUUID())
                .replace("Study visit", "Study \u00c3\u0028 visit");
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        RawResponse response = raw("POST /api/delegations HTTP/1.1\r\nHost: localhost\r\n" + basic("desk")
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asString()).isIn("MALFORMED_JSON", "INVALID_FIELD");
    }

    @ParameterizedTest
    @CsvSource({"TRACE, 405", "FOO, 405", "PROPFIND, 405"})
    void unknownAndDisallowedMethodsAreProblems(String method, int status) throws IOException {
        RawResponse response = raw(method + " /api/delegations HTTP/1.1\r\nHost: localhost\r\n" + basic("desk")
                + "Connection: close\r\n\r\n");

        assertRawProblem(response, status, "METHOD_NOT_ALLOWED");
    }

    @Test
    void theErrorPathItselfAnswersAProblem() {
        Api.Response response = desk.get("/error");

        assertProblem(response, 404, "NOT_FOUND");
        assertThat(response.body()).doesNotContain("timestamp");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    // ---- helpers

    private static String withText(String field, String escapedValue) {
        String body = Requests.delegation("Text " + UUID.randomUUID());
        String pattern = "\"" + field + "\":\"[^\"]*\"";
        assertThat(body).containsPattern(pattern);
        return body.replaceFirst(pattern, java.util.regex.Matcher.quoteReplacement(
                "\"" + field + "\":\"" + escapedValue + "\""));
    }

    private static String trip(String start, String end) {
        return TripPlan.of(2100).to("Nanjing", "Suzhou").dates(start, end).json();
    }

    private static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException endOfAnswer) {
                // the server may reset the connection after answering; what arrived is the answer
            }
            return RawResponse.parse(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static void assertRawProblem(RawResponse response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).as(response.text()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("<html", "timestamp", "Apache Tomcat");
        assertSecurityHeaders(response);
    }

    /** The refusals Tomcat, the firewall and the error page write before any controller carry them too. */
    private static void assertSecurityHeaders(RawResponse response) {
        assertThat(response.header("Content-Security-Policy")).as(response.text())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).as(response.text()).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(response.text()).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).as(response.text()).isEqualTo("DENY");
        assertThat(response.header("Strict-Transport-Security")).as(response.text()).isNull();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    /** The field the refusal names first: the one its code is about. */
    private static String firstField(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return errors.get(0).get("field").asString();
    }

    private static String fields(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        return String.join(",", errors.valueStream()
                .map(error -> error.get("field").asString()).distinct().sorted().toList());
    }

    /** An HTTP answer read off a raw socket. */
    record RawResponse(String text, int status, String contentType, String body) {

        static RawResponse parse(String text) {
            int headerEnd = text.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
            String contentType = "";
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new RawResponse(text, status, contentType, chunked ? unchunk(body) : body);
        }

        String header(String name) {
            int headerEnd = text.indexOf("\r\n\r\n");
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : (headerEnd < 0 ? text : text.substring(0, headerEnd)).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        private static String unchunk(String body) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            return out.toString();
        }
    }
}
