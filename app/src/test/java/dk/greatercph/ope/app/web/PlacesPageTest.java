package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk registers venues and hosts from the pages: a new installation had none, and with no page to register
 * them, the programme editor offered no venue and no item could be planned without the API.
 */
@OpeIntegrationTest
class PlacesPageTest {

    @LocalServerPort
    int port;

    @Test
    void theDeskRegistersAVenueAndAHostThatTheProgrammeEditorThenOffers() {
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/places").body()).contains("id=\"venue-form\"", "id=\"partner-form\"", "href=\"/places\"");
        String venue = "Regionsgården " + UUID.randomUUID();
        String host = "Bispebjerg Hospital " + UUID.randomUUID();

        PageSession.Page refused = desk.post("/places/venues", Map.of("name", venue, "capacity", "mange",
                "kind", "HOSPITAL", "address", "Kongens Vænge 2"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"venue-capacity-error\"", "value=\"" + venue + "\"",
                "value=\"Kongens Vænge 2\"");

        // a capacity written as the page writes counts, 2.040 in Danish, was refused as unreadable
        PageSession.Page registered = desk.post("/places/venues", Map.of("name", venue, "capacity", "2.040",
                "kind", "HOSPITAL", "address", "Kongens Vænge 2"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        PageSession.Page listed = desk.get("/places");
        assertThat(listed.body()).contains(venue, "Stedet er registreret.");
        assertThat(new Api(port).as("desk").getUntil("/api/venues", r -> r.body().contains(venue),
                java.time.Duration.ofSeconds(10)).json().valueStream()
                .filter(v -> v.get("name").asString().equals(venue)).findFirst().orElseThrow()
                .get("capacity").asInt()).isEqualTo(2040);
        assertThat(desk.post("/places/partners", Map.of("name", host, "kind", "ORGANISATION", "hospital", "true"))
                .status()).isEqualTo(302);
        // the same hall under a second id could not be told apart in the pickers, and R6 saw no clash between them
        PageSession.Page again = desk.post("/places/venues", Map.of("name", "  " + venue.toUpperCase(java.util.Locale.ROOT),
                "capacity", "30"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"venue-name-error\"", "Der findes allerede et sted eller en vært med det navn");
        Api.Response partnerAgain = new Api(port).as("desk").post("/api/partners",
                "{\"name\":\"" + host + "\",\"kind\":\"COMPANY\"}");
        assertThat(partnerAgain.status()).isEqualTo(409);
        assertThat(partnerAgain.json().get("code").asString()).isEqualTo("DUPLICATE_NAME");
        assertThat(partnerAgain.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(desk.get("/places?lang=en").body()).contains(host, "Venues and hosts");

        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Places " + UUID.randomUUID());
        // the operator's view of its delegation follows the events
        lifecycle.as("chc").getUntil("/api/delegations/" + delegation, r -> r.status() == 200
                && r.body().contains("ACCEPTED"), java.time.Duration.ofSeconds(20));
        PageSession operator = PageSession.signedIn(port, "chc");
        PageSession.Page programme = operator.get("/delegations/" + delegation + "/programme");
        assertThat(programme.body()).contains(venue, host);
        PageSession.Page operatorsView = operator.get("/places");
        assertThat(operatorsView.status()).isEqualTo(200);
        assertThat(operatorsView.body()).contains(venue).doesNotContain("id=\"venue-form\"");
        assertThat(operator.post("/places/venues", Map.of("name", "Not mine", "capacity", "3")).status())
                .isEqualTo(403);
    }

    /** A misspelt name was there for good: the desk registered the place again under a second id. */
    @Test
    void theDeskCorrectsAVenueAndAHostFromTheList() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(port).as("desk");
        String venue = Lifecycle.ok(api.post("/api/venues", "{\"name\":\"Bela Center " + tag + "\",\"capacity\":900}"))
                .json().get("id").asString();
        String host = Lifecycle.ok(api.post("/api/partners", "{\"name\":\"Novo Nordsk " + tag + "\",\"kind\":\"COMPANY\"}"))
                .json().get("id").asString();
        api.getUntil("/api/partners/" + host, r -> r.status() == 200, java.time.Duration.ofSeconds(10));
        assertThat(desk.get("/places").body()).contains("href=\"/places/venues/" + venue + "\"",
                "href=\"/places/partners/" + host + "\"");

        PageSession.Page form = desk.get("/places/venues/" + venue);
        assertThat(form.body()).contains("value=\"Bela Center " + tag + "\"", "value=\"900\"", "id=\"correction-reason\"");
        PageSession.Page noReason = desk.post("/places/venues/" + venue, Map.of("name", "Bella Center " + tag,
                "capacity", "900", "kind", "OTHER", "version", "0", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"correction-reason-error\"", "value=\"Bella Center " + tag + "\"");
        PageSession.Page corrected = desk.post("/places/venues/" + venue, Map.of("name", "Bella Center " + tag,
                "capacity", "1.200", "kind", "OTHER", "version", "0", "reason", "Misspelt"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
        // read at once: the list showed the old name until the view had the correction
        assertThat(desk.get("/places").body()).contains("Stedet er rettet.", "Bella Center " + tag)
                .doesNotContain("Bela Center " + tag);
        assertThat(api.get("/api/venues/" + venue).json().get("capacity").asInt()).isEqualTo(1200);
        PageSession.Page stale = desk.post("/places/venues/" + venue, Map.of("name", "Bella Centre " + tag,
                "capacity", "1200", "kind", "OTHER", "version", "0", "reason", "Again"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("id=\"reload\"");

        assertThat(desk.post("/places/partners/" + host + "?lang=en", Map.of("name", "Novo Nordisk " + tag,
                "kind", "COMPANY", "version", "0", "reason", "Misspelt")).status()).isEqualTo(302);
        assertThat(api.get("/api/partners/" + host + "?minVersion=1").json().get("name").asString())
                .isEqualTo("Novo Nordisk " + tag);
        assertThat(PageSession.signedIn(port, "chc").get("/places").body())
                .doesNotContain("href=\"/places/venues/" + venue + "\"")
                .as("it said places are registered here, with no form for the operator")
                .contains("bed sekretariatet om et, der mangler").doesNotContain("registreres her");
    }
}
