package dk.greatercph.ope.platform.problem;

import dk.greatercph.ope.platform.support.Http;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.platform.problem.ProblemDetailsAdviceTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body above the limit (1 KB in the platform's tests) is refused with 413 BODY_TOO_LARGE: at once when its
 * declared length is too large, and while reading when a body without a declared length grows past it.
 */
@PlatformIntegrationTest
class RequestBodyLimitTest {

    @LocalServerPort
    int port;

    @Test
    void aBodyWithinTheLimitIsRead() {
        Http.Response response = Http.as(port, "desk").post("/api/platform-test/tickets",
                ticket(UUID.randomUUID().toString(), 900), Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeReading() {
        Http.Response response = Http.as(port, "desk").post("/api/platform-test/tickets",
                ticket(UUID.randomUUID().toString(), 2000), Map.of());

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertThat(response.json().get("detail").asString()).contains("1024 bytes");
    }

    @Test
    void aBodyWithoutDeclaredLengthIsRefusedWhenItGrowsPastTheLimit() {
        byte[] body = ticket(UUID.randomUUID().toString(), 2000).getBytes(StandardCharsets.UTF_8);
        Http desk = Http.as(port, "desk");

        Http.Response response = desk.send(desk.request("/api/platform-test/tickets")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))), Map.of());

        assertProblem(response, 413, "BODY_TOO_LARGE");
    }

    @Test
    void theRefusalCarriesTheSecurityHeadersAlthoughNoSecurityFilterRan() {
        Http.Response response = Http.anonymous(port).post("/api/platform-test/tickets",
                ticket(UUID.randomUUID().toString(), 2000), Map.of());

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isNotBlank();
    }

    private static String ticket(String name, int noteLength) {
        return "{\"name\":\"" + name + "\",\"note\":\"" + "n".repeat(noteLength) + "\"}";
    }
}
