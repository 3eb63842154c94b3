package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every command endpoint reads before its command is sent: the expected version from If-Match and the
 * typed ids from the path, with the same answers for a missing, blank, weak, malformed or stale If-Match and
 * for a path segment that cannot be an id; and the body is judged before either.
 */
@OpeIntegrationTest
class CommandPreconditionsTest {

    @LocalServerPort
    int port;

    @Test
    void ifMatchIsUnconditionalWhenAbsentBlankOrAnyAndStaleWhenWeakAndOld() {
        Api desk = new Api(port).as("desk");
        String id = new Lifecycle(desk).registeredAndScreened(Requests.delegation("IfMatch " + UUID.randomUUID()));

        Api.Response blank = desk.post("/api/delegations/" + id + "/routing", "{}", Map.of("If-Match", " "));
        Api.Response any = desk.post("/api/delegations/" + id + "/routing", "{}", Map.of("If-Match", "*"));
        Api.Response weakStale = desk.post("/api/delegations/" + id + "/routing", "{}", Map.of("If-Match", "W/\"0\""));
        Api.Response weakCurrent = desk.post("/api/delegations/" + id + "/routing", "{}",
                Map.of("If-Match", "W/" + any.header("ETag")));

        assertThat(blank.status()).as(blank.body()).isEqualTo(200);
        assertThat(any.status()).as(any.body()).isEqualTo(200);
        assertThat(any.header("ETag")).isEqualTo("\"" + any.json().get("version").asLong() + "\"");
        assertProblem(weakStale, 412, "STALE_VERSION");
        assertThat(weakCurrent.status()).as(weakCurrent.body()).isEqualTo(200);
    }

    @Test
    void aMalformedIfMatchIsRefusedAfterTheBodyAndThePath() {
        Api desk = new Api(port).as("desk");
        String id = new Lifecycle(desk).registeredAndScreened(Requests.delegation("Malformed " + UUID.randomUUID()));

        for (String malformed : List.of("three", "\"-1\"", "-1", "\"+0\"", "\"00\"", "\"1\"2\"", "W/-1")) {
            Api.Response refused = desk.post("/api/delegations/" + id + "/confirmation", "", Map.of("If-Match", malformed));
            assertProblem(refused, 400, "INVALID_IF_MATCH");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
        }
        assertProblem(desk.post("/api/delegations/" + id + "/decline", "{}", Map.of("If-Match", "three")),
                400, "VALIDATION_FAILED");
        assertProblem(desk.post("/api/delegations/" + id + "/assignments/NOT-AN-OPERATOR/acceptance", "",
                Map.of("If-Match", "three")), 404, "ASSIGNMENT_NOT_FOUND");
        assertProblem(desk.post("/api/trips/TRP-" + UUID.randomUUID() + "/approval", "", Map.of("If-Match", "three")),
                400, "INVALID_IF_MATCH");
        assertProblem(desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations/" + id
                        + "/confirmation")).header("If-Match", "\"2\"").header("If-Match", "\"3\"")
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of()), 400, "INVALID_IF_MATCH");
    }

    @Test
    void aPathSegmentThatCannotBeAnIdNamesNoResource() {
        Api desk = new Api(port).as("desk");

        assertProblem(desk.post("/api/delegations/%20/confirmation", ""), 404, "NOT_FOUND");
        assertProblem(desk.post("/api/trips/%20/approval", ""), 404, "NOT_FOUND");
        assertProblem(desk.post("/api/persons/%20/erasure", "{\"legalBasis\":\"GDPR art. 17\"}"), 404,
                "PERSON_NOT_FOUND");
        assertProblem(desk.send(put("/api/operators/NOT-AN-OPERATOR/themes", "{\"themes\":[\"AUTHORITY_HEALTH\"]}"),
                Map.of()), 404, "OPERATOR_NOT_FOUND");
        assertProblem(desk.send(put("/api/operators/NOT-AN-OPERATOR/themes", "{}"), Map.of()), 400,
                "VALIDATION_FAILED");
    }

    /** A well-formed id that names nothing gets the code of its kind, as the query side gives it. */
    @Test
    void anOperatorThatDoesNotExistIsOperatorNotFoundForEveryCommand() {
        Api desk = new Api(port).as("desk");
        String nobody = "nosuch-" + UUID.randomUUID().toString().substring(0, 8);

        assertProblem(desk.send(put("/api/operators/" + nobody + "/kpi-targets/2026",
                "{\"targets\":[{\"kind\":\"MOUS_SIGNED\",\"target\":2}]}"), Map.of()), 404, "OPERATOR_NOT_FOUND");
        assertProblem(desk.send(put("/api/operators/" + nobody + "/themes", "{\"themes\":[\"AUTHORITY_HEALTH\"]}"),
                Map.of()), 404, "OPERATOR_NOT_FOUND");
        assertProblem(desk.get("/api/operators/" + nobody), 404, "OPERATOR_NOT_FOUND");
    }

    @Test
    void everyCommandWithAnExpectedVersionDocumentsIfMatchAsAHeaderAndItsIdsAsStrings() {
        JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");
        List<String> conditional = new ArrayList<>();

        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                if (parameter.get("in").asString().equals("path") && !parameter.get("name").asString().equals("year")) {
                    assertThat(parameter.get("schema").get("type").asString()).as(path.getKey()).isEqualTo("string");
                }
                if (parameter.get("name").asString().equals("If-Match")) {
                    assertThat(parameter.get("in").asString()).isEqualTo("header");
                    assertThat(parameter.get("required").asBoolean()).isFalse();
                    assertThat(parameter.get("schema").get("type").asString()).isEqualTo("string");
                    assertThat(parameter.get("description").asString()).startsWith("Only if the ");
                    conditional.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }));

        assertThat(conditional).hasSize(34).contains(
                "PUT /api/operators/{id}/name",
                "PUT /api/venues/{id}",
                "PUT /api/partners/{id}",
                "POST /api/delegations/{id}/programme-reopening",
                "PUT /api/delegations/{id}/business-opportunity",
                "PUT /api/delegations/{id}/request",
                "PUT /api/delegations/{id}/supporting-outcomes/{operatorId}",
                "POST /api/delegations/{id}/withdrawal",
                "POST /api/delegations/{id}/assignments/{operatorId}/decline",
                "PUT /api/operators/{id}/kpi-targets/{year}",
                "DELETE /api/trips/{id}/participants/{participantId}",
                "DELETE /api/trips/{id}/itinerary-items/{itemId}");
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}
