package dk.greatercph.ope.platform.idempotency;

import dk.greatercph.ope.platform.support.Http;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import dk.greatercph.ope.platform.support.TestEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A POST with an Idempotency-Key is carried out once: the same request again gets the kept answer, marked as
 * replayed; the same key with another request is refused; a key that is not one is refused before anything runs;
 * and a refusal that recorded nothing is not kept, so the corrected request may use the same key.
 */
@PlatformIntegrationTest
class IdempotencyFilterTest {

    @LocalServerPort
    int port;

    @Test
    void theSameRequestWithTheSameKeyIsCarriedOutOnceAndAnsweredAgain() {
        String name = "ticket-" + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Response first = desk().post("/api/platform-test/tickets", ticket(name), key);
        Http.Response again = desk().post("/api/platform-test/tickets", ticket(name), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(TestEndpoints.CARRIED_OUT.get(name)).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String other = "ticket-" + UUID.randomUUID();

        desk().post("/api/platform-test/tickets", ticket("ticket-" + UUID.randomUUID()), key);
        Http.Response reused = desk().post("/api/platform-test/tickets", ticket(other), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(TestEndpoints.CARRIED_OUT).doesNotContainKey(other);
    }

    @Test
    void aKeyThatIsNotOneIsRefusedBeforeAnythingRuns() {
        String name = "ticket-" + UUID.randomUUID();

        Http.Response tooLong = desk().post("/api/platform-test/tickets", ticket(name),
                Map.of("Idempotency-Key", "k".repeat(201)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(TestEndpoints.CARRIED_OUT).doesNotContainKey(name);
    }

    @Test
    void aRefusalThatRecordedNothingIsNotKeptSoTheCorrectedRequestMayUseTheKey() {
        String name = "ticket-" + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Http.Response invalid = desk().post("/api/platform-test/tickets", "{\"name\":\"\"}", key);
        Http.Response corrected = desk().post("/api/platform-test/tickets", ticket(name), key);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(TestEndpoints.CARRIED_OUT.get(name)).hasValue(1);
    }

    private Http desk() {
        return Http.as(port, "desk");
    }

    private static String ticket(String name) {
        return "{\"name\":\"" + name + "\"}";
    }
}
