package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients are written from the OpenAPI document, so it must describe the API exactly. */
@OpeIntegrationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void describesEveryPathWithRequiredFieldsEnumsAndFormats() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();

        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/delegations")).isTrue();
        assertThat(paths.get("/api/delegations").has("post")).isTrue();
        assertThat(paths.get("/api/delegations").has("get")).isTrue();
        assertThat(paths.has("/api/delegations/{id}")).isTrue();
        assertThat(paths.has("/api/audit/events")).isTrue();

        JsonNode register = doc.get("components").get("schemas").get("RegisterDelegationRequest");
        assertThat(register.get("required").valueStream().map(JsonNode::asString))
                .contains("channel", "requestingOrganisation", "delegationType", "headCount", "wishedFrom",
                        "wishedTo", "themes");
        assertThat(register.get("properties").get("wishedFrom").get("format").asString()).isEqualTo("date");
        assertThat(register.get("properties").get("channel").get("enum").valueStream().map(JsonNode::asString))
                .contains("EMBASSY", "JIANGSU_FOREIGN_AFFAIRS_OFFICE");
        assertThat(register.get("properties").get("headCount").get("example").asInt()).isEqualTo(12);
    }
}
