package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code 201 Created} names in {@code Location} what it created, and that address answers it (API.md). A
 * member, a programme item, a scope request, a trip's participant and itinerary item, an e-mail recipient and a
 * webhook were created at addresses that answered 404, 405 or 403; a client following them, or the Location an
 * "answer lost" refusal hands out, could not read what it had made.
 */
@OpeIntegrationTest
class CreatedResourcesTest {

    @LocalServerPort
    int port;

    @Test
    void theLocationOfEachCreatedPartIsReadableAtOnceWithItsEtag() {
        Api desk = new Api(port).as("desk");
        Api chc = new Api(port).as("chc");
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Located parts " + UUID.randomUUID());

        readable(desk, desk.post("/api/delegations/" + delegation + "/members", "{\"name\":\"Located Member\"}"));
        readable(chc, chc.post("/api/delegations/" + delegation + "/programme-items", """
                {"kind":"MEETING","title":"Located meeting","startsAt":"2031-09-07T10:00:00+02:00",
                 "endsAt":"2031-09-07T11:00:00+02:00","venueId":"%s"}""".formatted(lifecycle.venue())));
        readable(desk, desk.post("/api/delegations/" + delegation + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"More to see\"}"));

        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        String trip = Lifecycle.ok(desk.post("/api/trips", TripPlan.of(year).extraordinary("Located").json())).json()
                .get("id").asString();
        readable(desk, desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OFFICIAL\",\"name\":\"A Guest\"}"));
        readable(desk, desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%1$d-05-11T10:00:00","endsAt":"%1$d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Itinerary Office"}""".formatted(year)));

        readable(chc, chc.post("/api/notification-settings/chc/recipients",
                "{\"address\":\"located-" + UUID.randomUUID() + "@ops.example\",\"language\":\"en\"}"));
        readable(desk, desk.post("/api/notification-settings/desk/webhooks",
                "{\"url\":\"http://127.0.0.1:9/located/" + UUID.randomUUID() + "\"}"));
    }

    /** The created thing, read at its Location with the ETag its creation answered, has the id the answer gave. */
    private static void readable(Api api, Api.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String location = created.header("Location");
        assertThat(location).endsWith("/" + id);
        Api.Response read = api.get(location + "?minVersion=" + created.header("ETag").replace("\"", ""));
        assertThat(read.status()).as(location + " " + read.body()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.toString()).as(location).contains("\"" + id + "\"");
    }
}
