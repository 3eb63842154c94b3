package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries the security headers, whatever its status and whether or not the security filter
 * chain wrote it; HSTS only over TLS (here: a request the trusted proxy received over https); and no
 * cross-origin access unless origins are configured. The refusals Tomcat answers itself are checked over raw
 * sockets in {@code CanonicalInputTest}, the 503 of a database outage in {@code DatabaseOutageFaultTest}.
 */
@OpeIntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        Api api = new Api(port);
        List<Api.Response> responses = List.of(
                api.as("desk").get("/api/delegations?limit=1"),
                api.anonymous().get("/api/delegations"),
                api.as("auditor").post("/api/delegations", "{}"),
                api.as("desk").get("/api/delegations/DEL-does-not-exist"),
                api.as("desk").post("/api/delegations", "{\"bogus\":1}"),
                api.anonymous().get("/actuator/health"),
                api.anonymous().get("/v3/api-docs"));

        assertThat(responses).extracting(Api.Response::status).containsExactly(200, 401, 403, 404, 400, 200, 200);
        for (Api.Response response : responses) {
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void refusalsWrittenBeforeTheSecurityFilterChainCarryTheSecurityHeaders() {
        Api.Response rejected = get("//api/delegations", Map.of());
        Api.Response rejectedOverTls = get("//api/delegations", Map.of("X-Forwarded-Proto", "https"));
        Api.Response tooLarge = new Api(port).as("desk").post("/api/delegations",
                "{\"title\":\"" + "x".repeat(300_000) + "\"}");

        assertThat(List.of(rejected, rejectedOverTls, tooLarge)).extracting(r -> r.json().get("code").asString())
                .containsExactly("REQUEST_REJECTED", "REQUEST_REJECTED", "BODY_TOO_LARGE");
        for (Api.Response response : List.of(rejected, rejectedOverTls, tooLarge)) {
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(rejected.header("Strict-Transport-Security")).isNull();
        assertThat(rejectedOverTls.header("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
    }

    @Test
    void aRequestServedOverTlsGetsStrictTransportSecurity() {
        Api.Response overTls = get("/actuator/health", Map.of("X-Forwarded-Proto", "https"));

        assertThat(overTls.status()).isEqualTo(200);
        assertThat(overTls.header("Strict-Transport-Security")).contains("max-age=31536000", "includeSubDomains");
        assertThat(overTls.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void noCrossOriginAccessIsGrantedByDefault() {
        Api.Response preflight = new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/delegations")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type"));
        Api.Response read = new Api(port).as("desk").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/delegations?limit=1")).GET(), Map.of("Origin", "https://evil.example"));

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        // and a browser's remembered Basic credentials are not lent to another origin at all (CrossSiteRequestTest)
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("code").asString()).isEqualTo("CROSS_SITE_REQUEST");
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }

    private Api.Response get(String path, Map<String, String> headers) {
        return new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), headers);
    }
}
