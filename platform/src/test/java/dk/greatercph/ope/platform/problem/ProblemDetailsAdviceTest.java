package dk.greatercph.ope.platform.problem;

import dk.greatercph.ope.platform.support.Http;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one advice turns every error into application/problem+json with a stable code: a domain problem thrown
 * here or arriving as a command's details from another process, Axon's version and existence failures, bad
 * input naming its field, and an unexpected failure as an incident that leaks nothing.
 */
@PlatformIntegrationTest
class ProblemDetailsAdviceTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(ProblemKind.class)
    void aDomainProblemIsAnsweredWithItsKindsStatusAndItsCode(ProblemKind kind) {
        Http.Response response = desk().get("/api/platform-test/refusals/" + kind);

        assertProblem(response, kind.status(), "TEST_" + kind);
        assertThat(response.json().get("detail").asString()).isEqualTo("Refused as " + kind + ".");
    }

    @ParameterizedTest
    @EnumSource(ProblemKind.class)
    void aDomainProblemThatArrivesOnlyAsACommandsDetailsIsAnsweredTheSame(ProblemKind kind) {
        Http.Response here = desk().get("/api/platform-test/refusals/" + kind);
        Http.Response remote = desk().get("/api/platform-test/refusals/" + kind + "?remote=true");

        assertProblem(remote, kind.status(), "TEST_" + kind);
        assertThat(withoutInstance(remote.json())).isEqualTo(withoutInstance(here.json()));
    }

    @Test
    void aCommandFailureWithTheProblemOnlyAsItsCauseIsAnsweredByTheProblem() {
        assertProblem(desk().get("/api/platform-test/wrapped-refusal"), 409, "TEST_WRAPPED");
    }

    @Test
    void aStaleVersionIsPreconditionFailedAndAMissingAggregateNotFound() {
        assertProblem(desk().get("/api/platform-test/stale"), 412, "STALE_VERSION");
        Http.Response missing = desk().get("/api/platform-test/missing");
        assertProblem(missing, 404, "NOT_FOUND");
        assertThat(missing.json().get("detail").asString()).isEqualTo("No such resource.");
    }

    @Test
    void anUnexpectedFailureIsAnIncidentThatLeaksNothing() {
        Http.Response response = desk().get("/api/platform-test/failure");

        assertProblem(response, 500, "INTERNAL_ERROR");
        String incident = response.json().get("incident").asString();
        assertThat(response.json().get("detail").asString()).contains(incident);
        assertThat(response.body()).doesNotContain("IllegalStateException", "jdbc:", "secret", "at dk.");
    }

    /** What Spring itself answers 500 (an answer it could not write) is an incident too, not its generic 500. */
    @Test
    void aFailureSpringAnswers500IsAnIncident() {
        Http.Response response = desk().get("/api/platform-test/unwritable");

        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(response.json().get("detail").asString()).contains(response.json().get("incident").asString());
        assertThat(response.body()).doesNotContain("secret");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Http.Response response = desk().post("/api/platform-test/tickets", "{\"name\":\"a\",\"colour\":\"red\"}", Map.of());

        assertProblem(response, 400, "UNKNOWN_FIELD");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void anInvalidFieldIsRefusedByName() {
        Http.Response response = desk().post("/api/platform-test/tickets", "{\"name\":\" \"}", Map.of());

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void aDuplicateFieldAndMalformedJsonAreRefused() {
        Http.Response duplicate = desk().post("/api/platform-test/tickets", "{\"name\":\"a\",\"name\":\"b\"}", Map.of());
        Http.Response malformed = desk().post("/api/platform-test/tickets", "{\"name\":", Map.of());

        assertProblem(duplicate, 400, "DUPLICATE_FIELD");
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertProblem(malformed, 400, "MALFORMED_JSON");
    }

    @Test
    void aParameterOfTheWrongTypeIsRefusedByName() {
        Http.Response response = desk().get("/api/platform-test/number?value=ten");

        assertProblem(response, 400, "INVALID_PARAMETER");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
    }

    @Test
    void aPathSegmentWhoseBindingRefusesWithADomainProblemIsAnsweredWithThatProblem() {
        assertThat(desk().get("/api/platform-test/tickets/42").json().get("number").asLong()).isEqualTo(42);
        assertProblem(desk().get("/api/platform-test/tickets/forty-two"), 404, "TICKET_NOT_FOUND");
    }

    @Test
    void anUnknownPathAndAWrongMethodKeepSpringsStatusAndGainACode() {
        assertProblem(desk().get("/api/platform-test/nothing-here"), 404, "NOT_FOUND");
        assertProblem(desk().send(desk().request("/api/platform-test/stale").DELETE(), Map.of()), 405,
                "METHOD_NOT_ALLOWED");
    }

    private Http desk() {
        return Http.as(port, "desk");
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = (ObjectNode) problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
