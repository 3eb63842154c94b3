package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The programme editor's pickers: every registered venue and partner, with what R3 needs to know of it. */
@OpeIntegrationTest
class ReferenceListsTest {

    @LocalServerPort
    int port;

    @Test
    void listsARegisteredHospitalVenueWithItsKindCapacityAndAddressForOperatorsToo() {
        Api desk = new Api(port).as("desk");
        String name = "Ward hall " + UUID.randomUUID();
        String id = desk.post("/api/venues", """
                {"name":"%s","address":"Blegdamsvej 9","capacity":30,"kind":"HOSPITAL"}""".formatted(name))
                .json().get("id").asString();
        String other = desk.post("/api/venues", "{\"name\":\"Plain " + UUID.randomUUID() + "\",\"capacity\":5}")
                .json().get("id").asString();

        JsonNode venues = new Api(port).as("chc").getUntil("/api/venues",
                r -> r.status() == 200 && r.body().contains(other) && r.body().contains(id), Duration.ofSeconds(10)).json();
        JsonNode venue = venues.valueStream().filter(v -> v.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(venue.get("name").asString()).isEqualTo(name);
        assertThat(venue.get("address").asString()).isEqualTo("Blegdamsvej 9");
        assertThat(venue.get("capacity").asInt()).isEqualTo(30);
        assertThat(venue.get("kind").asString()).isEqualTo("HOSPITAL");
        assertThat(venue.get("hospital").asBoolean()).isTrue();
        JsonNode plain = venues.valueStream().filter(v -> v.get("id").asString().equals(other)).findFirst().orElseThrow();
        assertThat(plain.get("kind").asString()).isEqualTo("OTHER");
        assertThat(plain.get("hospital").asBoolean()).isFalse();
    }

    /** The Location a registration answers is a resource: it pointed at nothing for venues, partners and operators. */
    @Test
    void theLocationOfEachRegistrationIsReadable() {
        Api desk = new Api(port).as("desk");
        String suffix = UUID.randomUUID().toString();
        Api.Response venue = desk.post("/api/venues", "{\"name\":\"Located hall " + suffix + "\",\"capacity\":9}");
        Api.Response partner = desk.post("/api/partners", "{\"name\":\"Located " + suffix + "\",\"kind\":\"COMPANY\"}");
        String code = "loc-" + suffix.substring(0, 8);
        Api.Response operator = desk.post("/api/operators",
                "{\"code\":\"%s\",\"name\":\"Located %s\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}".formatted(code, code));

        for (Api.Response registered : java.util.List.of(venue, partner, operator)) {
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String id = registered.json().get("id").asString();
            Api.Response read = desk.get(registered.header("Location") + "?minVersion=" + registered.header("ETag")
                    .replace("\"", ""));
            assertThat(read.status()).as(registered.header("Location")).isEqualTo(200);
            assertThat(read.json().get("id").asString()).isEqualTo(id);
        }
        Api.Response themes = desk.put("/api/operators/" + code + "/themes",
                "{\"themes\":[\"AUTHORITY_SOIL_WATER\",\"AUTHORITY_HEALTH\"]}");
        assertThat(themes.status()).as(themes.body()).isEqualTo(200);
        Api.Response changed = desk.get("/api/operators/" + code + "?minVersion=" + themes.header("ETag")
                .replace("\"", ""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("themes").toString()).contains("AUTHORITY_HEALTH");
        assertThat(desk.get("/api/operators/" + code + "?minVersion=99").json().get("code").asString())
                .isEqualTo("PROJECTION_BEHIND");
        // a venue is at version 0 until it is corrected: a later version is not there yet, as for an operator
        Api.Response venueVersion = desk.get(venue.header("Location") + "?minVersion=1");
        assertThat(venueVersion.status()).isEqualTo(409);
        assertThat(venueVersion.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
        assertThat(new Api(port).as("chc").get(venue.header("Location")).status()).isEqualTo(200);
        Api.Response unknown = desk.get("/api/venues/VEN-" + suffix);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("VENUE_NOT_FOUND");
        assertThat(desk.get("/api/partners/PRT-" + suffix).json().get("code").asString()).isEqualTo("PARTNER_NOT_FOUND");
        assertThat(desk.get("/api/operators/none-" + suffix.substring(0, 8)).json().get("code").asString())
                .isEqualTo("OPERATOR_NOT_FOUND");
    }

    @Test
    void listsPartnersByNameWithTheirHospitalFlag() {
        Api desk = new Api(port).as("desk");
        String suffix = UUID.randomUUID().toString();
        String hospital = desk.post("/api/partners", "{\"name\":\"A hospital " + suffix + "\",\"kind\":\"HOSPITAL\"}")
                .json().get("id").asString();
        String company = desk.post("/api/partners", "{\"name\":\"B company " + suffix + "\",\"kind\":\"COMPANY\"}")
                .json().get("id").asString();

        JsonNode partners = desk.getUntil("/api/partners", r -> r.status() == 200 && r.body().contains(company)
                && r.body().contains(hospital), Duration.ofSeconds(10)).json();
        JsonNode first = partners.valueStream().filter(p -> p.get("id").asString().equals(hospital)).findFirst().orElseThrow();
        JsonNode second = partners.valueStream().filter(p -> p.get("id").asString().equals(company)).findFirst().orElseThrow();
        assertThat(first.get("kind").asString()).isEqualTo("HOSPITAL");
        assertThat(first.get("hospital").asBoolean()).isTrue();
        assertThat(second.get("hospital").asBoolean()).isFalse();
        java.util.List<String> order = partners.valueStream().map(p -> p.get("id").asString())
                .filter(p -> p.equals(hospital) || p.equals(company)).toList();
        assertThat(order).as("by name").containsExactly(hospital, company);
    }
}
