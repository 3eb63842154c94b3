package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON timeline and the iCalendar feed take the same filters, described and refused alike. */
@OpeIntegrationTest
class ScheduleFilterTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/schedule", "/api/schedule.ics"})
    void bothDescribeTheSameFiveOptionalFilters(String path) {
        JsonNode operation = new Api(port).get("/v3/api-docs").json().get("paths").get(path).get("get");

        assertThat(operation.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactly("from", "to", "operator", "venue", "host");
        assertThat(operation.get("parameters").valueStream().map(p -> p.get("in").asString())).containsOnly("query");
        assertThat(operation.get("parameters").valueStream().filter(p -> p.has("required"))
                .map(p -> p.get("required").asBoolean())).containsOnly(false);
        assertThat(operation.get("parameters").get(0).get("schema").get("format").asString()).isEqualTo("date");
        assertThat(operation.get("parameters").get(1).get("description").asString())
                .isEqualTo("Last day (Europe/Copenhagen), inclusive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/schedule?to=soon", "/api/schedule.ics?to=soon"})
    void anUnreadableDateIsRefusedNamingTheParameter(String path) {
        Api.Response response = new Api(port).as("desk").get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/schedule?from=1000-01-01", "/api/schedule.ics?from=1000-01-01"})
    void aDateOutOfRangeIsRefusedNamingTheParameter(String path) {
        Api.Response response = new Api(port).as("desk").get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("DATE_OUT_OF_RANGE");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }
}
