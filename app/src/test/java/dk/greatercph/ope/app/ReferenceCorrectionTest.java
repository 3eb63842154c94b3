package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk corrects a venue or a partner as registered: a misspelt name was there for good, and the desk registered
 * the place again under a second id, which R6 could not tell was the same hall.
 */
@OpeIntegrationTest
class ReferenceCorrectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void aCorrectedVenueShowsItsNewNameOnTheProgrammeAndInTheListWithItsVersion() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String venue = ok(desk.post("/api/venues", "{\"name\":\"Regionsgaarden " + tag + "\",\"capacity\":40}"))
                .json().get("id").asString();
        String delegation = lifecycle.accepted("Corrected venue " + tag);
        lifecycle.item(lifecycle.as("chc"), delegation, "MEETING", venue, null, "2027-10-05T10:00:00+02:00",
                "2027-10-05T11:00:00+02:00");

        Api.Response corrected = desk.put("/api/venues/" + venue, """
                {"name":"Regionsgården %s","address":"Kongens Vænge 2, 3400 Hillerød","capacity":60,
                 "kind":"MUNICIPALITY","reason":"Misspelt, and it seats 60"}""".formatted(tag));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"1\"");
        Api.Response read = desk.get("/api/venues/" + venue + "?minVersion=1");
        assertThat(read.header("ETag")).as("the version a correction's If-Match names").isEqualTo("\"1\"");
        JsonNode view = read.json();
        assertThat(view.get("name").asString()).isEqualTo("Regionsgården " + tag);
        assertThat(view.get("capacity").asInt()).isEqualTo(60);
        assertThat(view.get("kind").asString()).isEqualTo("MUNICIPALITY");
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(desk.getUntil("/api/delegations/" + delegation, r -> r.body().contains("Regionsgården " + tag), WAIT)
                .body()).as("the programme names the venue by id").contains("Regionsgården " + tag)
                .doesNotContain("Regionsgaarden " + tag);
        assertThat(new Api(port).as("auditor").get("/api/audit/events?type=VenueCorrectedEvent&aggregateId=" + venue)
                .json().get("items").get(0).get("payload").get("reason").asString())
                .isEqualTo("Misspelt, and it seats 60");

        // the same again records nothing; a stale version is refused; an unknown or a taken name are named
        Api.Response same = desk.put("/api/venues/" + venue, """
                {"name":"Regionsgården %s","address":"Kongens Vænge 2, 3400 Hillerød","capacity":60,
                 "kind":"MUNICIPALITY","reason":"Again"}""".formatted(tag));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).isEqualTo("\"1\"");
        Api.Response stale = desk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + port + "/api/venues/" + venue)).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"X " + tag + "\",\"capacity\":5,"
                        + "\"kind\":\"OTHER\",\"reason\":\"Stale\"}")), Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        String other = ok(desk.post("/api/venues", "{\"name\":\"Other hall " + tag + "\",\"capacity\":10}")).json()
                .get("id").asString();
        Api.Response taken = desk.put("/api/venues/" + other, "{\"name\":\"REGIONSGÅRDEN " + tag + "\",\"capacity\":10,"
                + "\"kind\":\"OTHER\",\"reason\":\"Clash\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("DUPLICATE_NAME");
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        Api.Response noReason = desk.put("/api/venues/" + other, "{\"name\":\"Other hall " + tag + "\",\"capacity\":11,"
                + "\"kind\":\"OTHER\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        // every field as it should stand: a correction without the kind turned a hospital into OTHER, and R3 with it
        Api.Response noKind = desk.put("/api/venues/" + other, "{\"name\":\"Other hall " + tag + "\",\"capacity\":11,"
                + "\"reason\":\"Seats\"}");
        assertThat(noKind.status()).as(noKind.body()).isEqualTo(400);
        assertThat(noKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Api.Response unknown = desk.put("/api/venues/VEN-00000000-0000-0000-0000-000000000000",
                "{\"name\":\"Nowhere " + tag + "\",\"capacity\":1,\"kind\":\"OTHER\",\"reason\":\"None\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("VENUE_NOT_FOUND");
        // another kind's id names no venue either: it was the general NOT_FOUND
        String partner = ok(desk.post("/api/partners", "{\"name\":\"Not a venue " + tag + "\",\"kind\":\"COMPANY\"}"))
                .json().get("id").asString();
        Api.Response kind = desk.put("/api/venues/" + partner, "{\"name\":\"Nowhere " + tag + "\",\"capacity\":1,"
                + "\"kind\":\"OTHER\",\"reason\":\"None\"}");
        assertThat(kind.status()).isEqualTo(404);
        assertThat(kind.json().get("code").asString()).isEqualTo("VENUE_NOT_FOUND");
    }

    /**
     * A partner corrected to a hospital makes the items it hosts from then on need cost coverage (R3); an item keeps
     * what was known when it was recorded, as every item does.
     */
    @Test
    void aPartnerCorrectedToAHospitalNeedsCostCoverageForWhatItHostsFromThenOn() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String partner = ok(desk.post("/api/partners", "{\"name\":\"Herlev Hospitl " + tag + "\",\"kind\":\"COMPANY\"}"))
                .json().get("id").asString();
        String delegation = lifecycle.accepted("Corrected partner " + tag);

        ok(desk.put("/api/partners/" + partner, "{\"name\":\"Herlev Hospital " + tag + "\",\"kind\":\"HOSPITAL\","
                + "\"reason\":\"It is the hospital\"}"));
        lifecycle.item(lifecycle.as("chc"), delegation, "MEETING", lifecycle.venue(), partner,
                "2027-10-06T10:00:00+02:00", "2027-10-06T11:00:00+02:00");
        Api.Response confirmed = desk.post("/api/delegations/" + delegation + "/confirmation", "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(422);
        assertThat(confirmed.json().get("code").asString()).isEqualTo("COST_COVERAGE_MISSING");
        Api.Response read = desk.get("/api/partners/" + partner + "?minVersion=1");
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode view = read.json();
        assertThat(view.get("hospital").asBoolean()).isTrue();
        assertThat(view.get("name").asString()).isEqualTo("Herlev Hospital " + tag);
    }
}
