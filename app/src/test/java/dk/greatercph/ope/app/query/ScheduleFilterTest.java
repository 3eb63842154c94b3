package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON timeline and the iCalendar feed take the same filters, described and refused alike; the timeline also
 * pages.
 */
@OpeIntegrationTest
class ScheduleFilterTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/schedule", "/api/schedule.ics", "/api/schedule/conflicts"})
    void allDescribeTheSameOptionalPeriodAndTheTimelineTheSameFilters(String path) {
        JsonNode operation = new Api(port).get("/v3/api-docs").json().get("paths").get(path).get("get");

        assertThat(operation.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyElementsOf(path.endsWith(".ics")
                        ? List.of("from", "to", "operator", "venue", "host")
                        : path.endsWith("conflicts") ? List.of("from", "to", "limit", "after")
                        : List.of("from", "to", "operator", "venue", "host", "limit", "after"));
        assertThat(operation.get("parameters").valueStream().map(p -> p.get("in").asString())).containsOnly("query");
        assertThat(operation.get("parameters").valueStream().filter(p -> p.has("required"))
                .map(p -> p.get("required").asBoolean())).containsOnly(false);
        assertThat(operation.get("parameters").get(0).get("schema").get("format").asString()).isEqualTo("date");
        assertThat(operation.get("parameters").get(1).get("description").asString())
                .isEqualTo("Last day (Europe/Copenhagen), inclusive");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/schedule?to=soon, INVALID_PARAMETER, to",
            "/api/schedule.ics?to=soon, INVALID_PARAMETER, to",
            "/api/schedule?from=1000-01-01, DATE_OUT_OF_RANGE, from",
            "/api/schedule.ics?from=1000-01-01, DATE_OUT_OF_RANGE, from",
            "/api/schedule?from=2027-02-30, INVALID_PARAMETER, from",
            "/api/schedule?to=2027-04-01T10:00, INVALID_PARAMETER, to",
            "/api/schedule?limit=many, INVALID_PARAMETER, limit",
            "/api/schedule?limit=0, VALIDATION_FAILED, limit",
            "/api/schedule?limit=501, VALIDATION_FAILED, limit",
            "/api/schedule/conflicts?limit=0, VALIDATION_FAILED, limit",
            "/api/schedule/conflicts?limit=501, VALIDATION_FAILED, limit",
            "/api/schedule/conflicts?after=bm90LWEtY3Vyc29y, INVALID_CURSOR, after",
            "/api/schedule/conflicts?after=c2NoZWR1bGU6MjAyNy0wNC0wMVQxMDowMDowMFp8QktELTE, INVALID_CURSOR, after",
            "/api/schedule/conflicts?to=2027-04-01&from=2027-04-02, INVALID_PERIOD, to"})
    void anUnreadableOrOutOfRangeDateIsRefusedNamingTheParameter(String path, String code, String field) {
        Api.Response response = new Api(port).as("desk").get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
