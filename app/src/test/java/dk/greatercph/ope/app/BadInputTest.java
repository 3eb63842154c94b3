package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input always gets a clear problem response naming the field, and records nothing. */
@OpeIntegrationTest
class BadInputTest {

    @LocalServerPort
    int port;

    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations", withField("\"colour\":\"red\""));

        assertProblem(response, 400, "UNKNOWN_FIELD");
        assertThat(fields(response)).isEqualTo("colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "status", "version"})
    void readOnlyFieldsMayNotBeSet(String field) {
        Api.Response response = desk.post("/api/delegations", withField("\"" + field + "\":\"x\""));

        assertProblem(response, 400, "UNKNOWN_FIELD");
        assertThat(fields(response)).isEqualTo(field);
    }

    @Test
    void wrongTypeIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations",
                Requests.delegation("Wrong type").replace("\"headCount\":12", "\"headCount\":\"many\""));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("headCount");
    }

    @Test
    void unknownEnumValueIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations",
                Requests.delegation("Bad theme").replace("HEALTH_WELFARE_TECH", "SPACE_TRAVEL"));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("themes[0]");
    }

    @Test
    void aThemeListedTwiceIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations", Requests.delegation("Theme twice")
                .replace("[\"HEALTH_WELFARE_TECH\"]", "[\"HEALTH_WELFARE_TECH\",\"INVESTMENT\",\"HEALTH_WELFARE_TECH\"]"));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("themes");
        assertThat(response.json().get("detail").asString()).contains("HEALTH_WELFARE_TECH");
    }

    /** A routing override names each supporting operator once: the document says uniqueItems, and so does the API. */
    @Test
    void aSupportingOperatorNamedTwiceIsRefusedByName() {
        String id = desk.post("/api/delegations", Requests.delegation("Twice supported " + java.util.UUID.randomUUID()))
                .json().get("id").asString();
        Api.Response response = desk.post("/api/delegations/" + id + "/routing",
                "{\"overrideLead\":\"clean\",\"overrideSupporting\":[\"woco\",\"woco\"],\"reason\":\"r\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).isEqualTo("overrideSupporting");
    }

    /** The document's maxLength counts characters, as JSON Schema does: 200 of them outside the basic plane fit. */
    @Test
    void textLengthsCountCharactersNotUtf16Units() {
        String beyondTheBasicPlane = "\uD840\uDC00"; // U+20000, a CJK ideograph written as two UTF-16 units
        String name = beyondTheBasicPlane.repeat(190) + java.util.UUID.randomUUID().toString().substring(0, 10);

        Api.Response fits = desk.post("/api/delegations", Requests.delegation(name));
        Api.Response tooLong = desk.post("/api/delegations", Requests.delegation(beyondTheBasicPlane + name));

        assertThat(fits.status()).as(fits.body()).isEqualTo(201);
        assertProblem(tooLong, 400, "VALIDATION_FAILED");
        assertThat(fields(tooLong)).isEqualTo("requestingOrganisation");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        Api.Response response = desk.post("/api/delegations", "{\"originProvince\":\"Jiangsu\"}");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).contains("channel", "requestingOrganisation", "delegationType", "headCount",
                "wishedFrom", "wishedTo", "themes");
    }

    @Test
    void outOfRangeValueIsRefusedByName() {
        Api.Response response = desk.post("/api/delegations",
                Requests.delegation("Too many").replace("\"headCount\":12", "\"headCount\":5000"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).isEqualTo("headCount");
    }

    @Test
    void ruleOnTheWholeRequestIsAProblemWithACode() {
        Api.Response response = desk.post("/api/delegations", Requests.delegation("Backwards")
                .replace("\"wishedTo\":\"2027-04-16\"", "\"wishedTo\":\"2027-04-01\""));

        assertProblem(response, 400, "INVALID_DATE_WINDOW");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(desk.post("/api/delegations", "{\"channel\": \"EMBASSY\","), 400, "MALFORMED_JSON");
        // a second value after the first: it was "must be a JSON object", of a body that was one
        Api.Response trailing = desk.post("/api/venues", "{\"name\":\"Trail\",\"capacity\":1} {\"x\":1}");
        assertProblem(trailing, 400, "MALFORMED_JSON");
        assertThat(trailing.body()).contains("more than one JSON value");
    }

    @Test
    void wellFormedJsonOfAnotherShapeNamesTheShapeExpected() {
        for (String body : List.of("[]", "\"x\"", "12", "[{\"channel\":\"EMBASSY\"}]")) {
            Api.Response response = desk.post("/api/delegations", body);
            assertProblem(response, 400, "INVALID_FIELD");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
            assertThat(response.json().get("detail").asString()).isEqualTo("The request body must be a JSON object.");
        }
    }

    /**
     * A body with several wrong fields was refused one field at a time: Jackson stopped at the first it could not read
     * ("headCount":"many"), and bean validation never saw the rest. Every field is now named at once.
     */
    @Test
    void everyWrongFieldIsNamedAtOnceNotTheFirstOnly() {
        String body = Requests.delegation("")
                .replace("\"headCount\":12", "\"headCount\":\"many\"")
                .replace("\"wishedFrom\":\"2027-04-12\"", "\"wishedFrom\":\"2027-02-30\"")
                .replace("\"politicalLevel\":\"PROVINCIAL\"", "\"politicalLevel\":\"GALACTIC\",\"colour\":\"red\"");

        Api.Response response = desk.post("/api/delegations", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("colour,headCount,politicalLevel,requestingOrganisation,wishedFrom");
        assertThat(response.json().get("detail").asString()).contains("more fields are named in errors");
    }

    /**
     * A theme that is no theme, written before the other fields, hid them all: the set of themes refused the null left
     * in its place, and nothing after it was read. A list of texts given numbers was also said to repeat itself.
     */
    @Test
    void aWrongItemOfAListHidesNoOtherField() {
        Api.Response themes = desk.post("/api/delegations", "{\"themes\":[\"NOPE\"],\"channel\":\"FAX\",\"headCount\":\"abc\"}");
        assertThat(themes.status()).isEqualTo(400);
        assertThat(fields(themes)).contains("channel", "headCount", "themes[0]", "requestingOrganisation");

        Api.Response operator = desk.post("/api/operators", "{\"themes\":[\"NOPE\"],\"code\":\"\",\"name\":5}");
        assertThat(fields(operator)).contains("code", "name", "themes[0]");

        Api.Response venue = desk.post("/api/venues", "{\"name\":[1,2],\"capacity\":\"x\"}");
        assertThat(fields(venue)).isEqualTo("capacity,name");
    }

    @Test
    void oneFieldThatCannotBeReadIsNamedAloneAsBefore() {
        Api.Response response = desk.post("/api/delegations", Requests.delegation("One wrong " + UUID.randomUUID())
                .replace("\"headCount\":12", "\"headCount\":\"twelve\""));

        assertProblem(response, 400, "INVALID_FIELD");
        assertThat(fields(response)).isEqualTo("headCount");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Field 'headCount' has a value of the wrong type or format.");
    }

    @Test
    void emptyBodyIsRefused() {
        Api.Response empty = desk.post("/api/delegations", "");
        assertProblem(empty, 400, "UNREADABLE_BODY");
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void oversizeBodyIsRefused() {
        String huge = Requests.delegation("x".repeat(100)).replace("Study visit on welfare technology",
                "y".repeat(70 * 1024));

        assertProblem(desk.post("/api/delegations", huge), 413, "BODY_TOO_LARGE");
    }

    @Test
    void wrongContentTypeIsRefused() {
        Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.delegation("Text"))), Map.of());

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unacceptableResponseTypeIsRefused() {
        Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                .header("Accept", "text/csv").GET(), Map.of());

        assertThat(response.status()).isEqualTo(406);
    }

    /** q=0 says "not this one" (RFC 9110): a request that accepts nothing it names gets 406, not JSON. */
    @Test
    void aRangeOfWeightZeroIsNotAcceptable() {
        Api.Response none = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                .header("Accept", "application/json;q=0").GET(), Map.of());
        Api.Response other = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                .header("Accept", "text/csv;q=0.0, application/json;q=0.5").GET(), Map.of());

        assertThat(none.status()).isEqualTo(406);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.contentType()).startsWith("application/json");
    }

    /** A command without a body dropped what was sent with it: an approval's reason answered 200 and was lost. */
    @Test
    void aCommandThatTakesNoBodyRefusesOneThatSaysSomething() {
        String id = new dk.greatercph.ope.app.support.Lifecycle(desk).registeredAndScreened(
                dk.greatercph.ope.app.support.Requests.delegation("Bodiless " + java.util.UUID.randomUUID()));

        Api.Response withReason = desk.post("/api/delegations/" + id + "/confirmation", "{\"reason\":\"ok\"}");
        Api.Response notJson = desk.post("/api/delegations/" + id + "/confirmation", "please");
        Api.Response empty = desk.post("/api/delegations/" + id + "/confirmation", "{ }");
        Api.Response form = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/delegations/" + id + "/confirmation")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("reason=ok")), Map.of());
        Api.Response notUtf8 = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/delegations/" + id + "/confirmation")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xC3, '"', ':', '1', '}'})),
                Map.of());

        assertProblem(withReason, 400, "UNKNOWN_FIELD");
        assertThat(withReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertProblem(notJson, 400, "UNKNOWN_FIELD");
        assertThat(empty.status()).as("{} is no body: the command itself answers").isEqualTo(409);
        assertProblem(form, 400, "UNKNOWN_FIELD");
        assertThat(form.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(notUtf8.status()).as(notUtf8.body()).isEqualTo(400);
    }

    /** An exclusion keeps its meaning beside a wider range: JSON excluded, a JSON-only answer has nothing left. */
    @Test
    void anExclusionBesideAWiderRangeStillExcludes() {
        Api.Response excluded = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/delegations")).header("Accept", "application/json;q=0, */*").GET(), Map.of());
        Api.Response csv = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/reports/annual/2025")).header("Accept", "application/json;q=0, text/*").GET(), Map.of());

        assertThat(excluded.status()).isEqualTo(406);
        assertThat(excluded.contentType()).startsWith("application/problem+json");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
    }

    @Test
    void wrongMethodIsRefused() {
        Api.Response response = desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                .DELETE(), Map.of());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unknownPathIsNotFound() {
        assertProblem(desk.get("/api/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void pageSizeIsCapped() {
        Api.Response response = desk.get("/api/delegations?limit=100000");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).isEqualTo("limit");
    }

    @Test
    void wrongParameterTypeIsRefusedByName() {
        Api.Response response = desk.get("/api/delegations?limit=ten");

        assertProblem(response, 400, "INVALID_PARAMETER");
        assertThat(fields(response)).isEqualTo("limit");
    }

    /** Spring read {@code #7E9} and {@code 0x7E9} as hexadecimal: the targets of 2025 were agreed for "#7E9". */
    @Test
    void aWholeNumberInAPathOrQueryIsDecimalDigitsOnly() {
        for (String year : List.of("%237E9", "0x7E9", "%2B2027", "%202027", "02027", "2027%20")) {
            Api.Response put = desk.put("/api/operators/clean/kpi-targets/" + year,
                    "{\"targets\":[{\"kind\":\"TOURISTS\",\"target\":1}]}");
            assertThat(put.status()).as(year + " " + put.body()).isEqualTo(400);
            assertProblem(put, 400, "INVALID_PARAMETER");
            assertThat(fields(put)).as(year).isEqualTo("year");
            Api.Response get = desk.get("/api/kpis?year=" + year);
            assertProblem(get, 400, "INVALID_PARAMETER");
            assertThat(fields(get)).as(year).isEqualTo("year");
        }
        assertProblem(desk.get("/api/delegations?limit=0x10"), 400, "INVALID_PARAMETER");
        assertProblem(desk.get("/api/audit/events?after=%2310"), 400, "INVALID_PARAMETER");
        assertThat(desk.get("/api/kpis?year=2027").status()).isEqualTo(200);
        assertThat(desk.get("/api/delegations?limit=0").status()).isEqualTo(400);
        // digits, but too many for the number: it said they were not digits
        for (String tooLarge : List.of("/api/audit/events?after=99999999999999999999", "/api/kpis?year=2147483648",
                "/api/operators/clean/kpi-targets/99999999999")) {
            Api.Response refused = tooLarge.contains("kpi-targets")
                    ? desk.put(tooLarge, "{\"targets\":[{\"kind\":\"TOURISTS\",\"target\":1}]}") : desk.get(tooLarge);
            assertProblem(refused, 400, "INVALID_PARAMETER");
            assertThat(refused.body()).as(tooLarge).contains("too large").doesNotContain("decimal digits");
        }
    }

    @Test
    void unexpectedFailureLeaksNoInternals() {
        Api.Response response = desk.get("/api/test/unexpected-failure");

        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at dk.");
        assertThat(response.json().get("incident").asString()).isNotBlank();
    }

    private static String withField(String field) {
        return Requests.delegation("Extra field").replaceFirst("\\{", "{" + field + ",");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static String fields(Api.Response response) {
        return String.join(",", response.json().get("errors").valueStream()
                .map(error -> error.get("field").asString()).distinct().sorted().toList());
    }
}
