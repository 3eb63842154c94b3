package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.support.Http;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint is born secure: without credentials 401, with a role the access rules do not allow 403, both
 * as problems with a code; and every answer, granted or refused, carries the security headers.
 */
@PlatformIntegrationTest
class WebSecurityTest {

    @LocalServerPort
    int port;

    @Test
    void withoutCredentialsARequestIsUnauthenticatedWithAChallenge() {
        Http.Response response = Http.anonymous(port).get("/api/platform-test/number?value=1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void wrongCredentialsAreUnauthenticatedToo() {
        Http.Response response = Http.anonymous(port).send(Http.anonymous(port).request("/api/platform-test/number?value=1")
                .header("Authorization", "Basic ZGVzazpub3QtdGhlLXBhc3N3b3Jk").GET(), Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aRoleTheRulesDoNotAllowIsForbidden() {
        Http.Response response = Http.as(port, "auditor").post("/api/platform-test/tickets", "{\"name\":\"a\"}", Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void everyAnswerGrantedOrRefusedCarriesTheSecurityHeaders() {
        List<Http.Response> answers = List.of(
                Http.as(port, "desk").get("/api/platform-test/number?value=1"),
                Http.anonymous(port).get("/api/platform-test/number?value=1"),
                Http.as(port, "auditor").post("/api/platform-test/tickets", "{\"name\":\"a\"}", Map.of()),
                Http.as(port, "desk").get("/api/platform-test/failure"));

        assertThat(answers).extracting(Http.Response::status).containsExactly(200, 401, 403, 500);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy")).isNotBlank();
        });
    }
}
