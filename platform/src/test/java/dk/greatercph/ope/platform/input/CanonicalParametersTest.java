package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.support.Http;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path variables and query parameters are held to the same text rule as bodies before any handler runs: a
 * control character or text not in NFC is refused with 400 INVALID_TEXT naming the parameter.
 */
@PlatformIntegrationTest
class CanonicalParametersTest {

    @LocalServerPort
    int port;

    @Test
    void aControlCharacterInAQueryParameterIsRefusedByName() {
        Http.Response response = Http.as(port, "desk").get("/api/platform-test/number?value=1&note=a%07b");

        assertInvalidText(response, "note");
    }

    @Test
    void aControlCharacterInAPathVariableIsRefusedByNameBeforeItIsBound() {
        Http.Response response = Http.as(port, "desk").get("/api/platform-test/tickets/4%072");

        assertInvalidText(response, "number");
    }

    @Test
    void textNotInNormalFormCIsRefused() {
        Http.Response response = Http.as(port, "desk").get("/api/platform-test/number?value=1&note=e%CC%81");

        assertInvalidText(response, "note");
    }

    private static void assertInvalidText(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_TEXT");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
