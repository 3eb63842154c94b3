package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing over HTTP Basic: answer times do not tell which user names exist, and failures per user
 * name and per client address are throttled with 429 and Retry-After, while successes cost nothing. Client
 * addresses come from {@code X-Forwarded-For}, which the test configuration trusts from the loopback proxy.
 */
@OpeIntegrationTest
class PasswordGuessingTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownUserNameAnswersAsSlowlyAsAKnownOneWithAWrongPassword() {
        String[] knownNames = {"auditor", "woco", "region", "clean"};
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            String address = "198.51.100." + (round + 1);
            long unknownNanos = timed("nobody-" + UUID.randomUUID(), "guess-" + round, address);
            long knownNanos = timed(knownNames[round % knownNames.length], "guess-" + round, address);
            if (round > 1) {
                unknown.add(unknownNanos);
                known.add(knownNanos);
            }
        }

        double knownMedian = median(known) / 1e6;
        double unknownMedian = median(unknown) / 1e6;
        System.out.printf("Basic with a wrong password, median of %d: known user %.1f ms, unknown user %.1f ms%n",
                known.size(), knownMedian, unknownMedian);
        assertThat(knownMedian / unknownMedian).as("known/unknown median answer time").isBetween(1 / 3.0, 3.0);
    }

    @Test
    void tenFailuresForOneUserNameFromAnywhereHoldThatNameBackForAtMostHalfAMinute() {
        String name = "ghost-" + UUID.randomUUID();
        int[] attempt = {0};

        Held held = untilHeldBack(() -> attempt(name, "guess", "192.0.2." + (++attempt[0])));

        assertThat(held.failuresBefore()).isGreaterThanOrEqualTo(10);
        assertTooManyAttempts(held.response(), 30);
        assertThat(attempt("other-" + UUID.randomUUID(), "guess", "192.0.2." + attempt[0]).status()).isEqualTo(401);
    }

    @Test
    void thirtyFailuresFromOneAddressHoldThatAddressBackButNotAUserWhoRecentlySignedIn() {
        String address = "203.0.113.7";
        assertThat(attempt("desk", "desk", "203.0.113.8").status()).isEqualTo(200);

        Held held = untilHeldBack(() -> attempt("spray-" + UUID.randomUUID(), "Summer2027!", address));

        assertThat(held.failuresBefore()).isGreaterThanOrEqualTo(30);
        assertTooManyAttempts(held.response(), 10);
        assertThat(attempt("spray-" + UUID.randomUUID(), "Summer2027!", "203.0.113.9").status()).isEqualTo(401);
        assertThat(attempt("desk", "desk", address).status()).isEqualTo(200);
    }

    @Test
    void aUserLockedOutByGuessesStillGetsInIfItSignedInRecently() {
        assertThat(attempt("admin", "admin", "192.0.2.100").status()).isEqualTo(200);
        int[] attempt = {0};

        Held held = untilHeldBack(() -> attempt("admin", "guess", "192.0.2." + (100 + ++attempt[0])));

        assertTooManyAttempts(held.response(), 30);
        assertThat(attempt("admin", "admin", "192.0.2.200").status()).isEqualTo(200);
    }

    /**
     * Repeats a failing attempt until it is held back. The allowance refills while the attempts run (slow
     * hashes on a busy machine), so more failures than the allowance may pass first; at most 100 are tried.
     */
    private static Held untilHeldBack(Supplier<Api.Response> failingAttempt) {
        for (int failures = 0; failures < 100; failures++) {
            Api.Response response = failingAttempt.get();
            if (response.status() != 401) {
                return new Held(failures, response);
            }
        }
        throw new AssertionError("100 failed attempts in a row were never held back");
    }

    private record Held(int failuresBefore, Api.Response response) {
    }

    private static void assertTooManyAttempts(Api.Response response, int maxRetryAfterSeconds) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Integer.parseInt(response.header("Retry-After"))).isBetween(1, maxRetryAfterSeconds);
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    private long timed(String user, String password, String address) {
        long start = System.nanoTime();
        Api.Response response = attempt(user, password, address);
        long elapsed = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(401);
        return elapsed;
    }

    private Api.Response attempt(String user, String password, String address) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET(),
                Map.of("Authorization", "Basic " + credentials, "X-Forwarded-For", address));
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
