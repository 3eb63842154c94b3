package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every kind of caller: anonymous, the desk, two operators (one assigned to the
 * delegation, one not), an auditor and an administrator. Every endpoint added to the API joins this table.
 */
@OpeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Callers, in the column order of the table below. */
    static final List<String> CALLERS = List.of("anonymous", "desk", "chc", "clean", "auditor", "admin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String delegationId;

    @BeforeAll
    void aDelegationAssignedToChc() {
        Api desk = new Api(port).as("desk");
        delegationId = desk.post("/api/delegations", Requests.delegation("Matrix")).json().get("id").asString();
        desk.getUntil("/api/delegations/" + delegationId, r -> r.status() == 200, Duration.ofSeconds(10));
        // Until routing exists (the delegation issue), the assignment is set on the board directly: what is
        // tested here is that the query answers an operator only for delegations assigned to it.
        jdbc.sql("UPDATE delegation_board SET operators = '{chc}' WHERE delegation_id = :id")
                .param("id", delegationId).update();
    }

    /** method, path, body, then the expected status for each caller in {@link #CALLERS}. */
    Stream<Arguments> matrix() {
        String one = "/api/delegations/{id}";
        String register = Requests.delegation("Matrix register");
        List<Arguments> rows = new ArrayList<>();
        //                 method    path                   body      anon desk  chc  clean aud  admin
        rows.add(row("POST", "/api/delegations", register, 401, 201, 403, 403, 403, 403));
        rows.add(row("GET", "/api/delegations", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", one, null, 401, 200, 200, 404, 200, 403));
        rows.add(row("GET", "/api/delegations/DEL-unknown", null, 401, 404, 404, 404, 404, 403));
        rows.add(row("GET", "/api/audit/events", null, 401, 200, 403, 403, 200, 403));
        rows.add(row("GET", "/actuator/health", null, 200, 200, 200, 200, 200, 200));
        rows.add(row("GET", "/actuator/info", null, 401, 403, 403, 403, 403, 200));
        rows.add(row("GET", "/v3/api-docs", null, 200, 200, 200, 200, 200, 200));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyWhatItsRoleAllows(String method, String path, String body, Map<String, Integer> expected) {
        for (String caller : CALLERS) {
            Api api = caller.equals("anonymous") ? new Api(port) : new Api(port).as(caller);
            String resolved = path.replace("{id}", delegationId);
            Api.Response response = api.send(request(method, resolved, body), Map.of());
            assertThat(response.status()).as("%s %s as %s", method, resolved, caller).isEqualTo(expected.get(caller));
            if (response.status() >= 400) {
                assertThat(response.contentType()).as("%s %s as %s", method, resolved, caller)
                        .startsWith("application/problem+json");
            }
        }
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static Arguments row(String method, String path, String body, int... statuses) {
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            expected.put(CALLERS.get(i), statuses[i]);
        }
        return Arguments.of(method, path, body, expected);
    }
}
