package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The views follow a delegation driven by the real commands, read back with the versions the commands answer. */
@OpeIntegrationTest
class QueryViewsOverCommandsTest {

    @LocalServerPort
    int port;

    @Test
    void theBoardTheInboxAndTheScheduleFollowTheCommands() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        Api chc = lifecycle.as("chc");
        String id = lifecycle.accepted("Commands " + UUID.randomUUID());
        String venue = lifecycle.venue();
        // The programme shows the venue's name from another projection (reference-names): wait for it.
        assertThat(desk.getUntil("/api/venues", r -> r.body().contains(venue), Duration.ofSeconds(10)).body())
                .contains(venue);
        LocalDate day = randomFutureDay();
        String item = lifecycle.item(chc, id, "MEETING", venue, null, day + "T10:00:00+01:00", day + "T11:00:00+01:00");

        JsonNode planned = read(chc, id, version(desk, id));
        assertThat(planned.get("status").asString()).isEqualTo("PROGRAMME_PLANNED");
        assertThat(planned.get("leadOperator").asString()).isEqualTo("chc");
        assertThat(planned.get("supportingOperators").valueStream().map(JsonNode::asString)).containsExactly("copcap");
        assertThat(planned.get("assignments").valueStream().map(a -> a.get("operatorId").asString() + ":"
                + a.get("state").asString())).containsExactly("chc:ACCEPTED", "copcap:ACCEPTED");
        assertThat(planned.get("routing").get("override").asBoolean()).isFalse();
        assertThat(planned.get("programme").get(0).get("itemId").asString()).isEqualTo(item);
        assertThat(planned.get("programme").get(0).get("venue").get("name").asString()).startsWith("Venue ");

        Api.Response confirmed = ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        JsonNode view = read(desk, id, confirmed.json().get("version").asLong());
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");

        JsonNode entry = desk.getUntil("/api/schedule?venue=" + venue, r -> r.json().size() == 1
                && r.json().get(0).get("status").asString().equals("CONFIRMED"), Duration.ofSeconds(10)).json().get(0);
        assertThat(entry.get("id").asString()).isEqualTo(item);
        assertThat(entry.get("sequence").asLong()).isEqualTo(1);
        assertThat(entry.get("operators").valueStream().map(JsonNode::asString)).containsExactly("chc", "copcap");
        String unfolded = desk.get("/api/schedule.ics?venue=" + venue).body().replace("\r\n ", "");
        assertThat(unfolded).contains("UID:" + id + "." + item + "@one-point-entry").contains("STATUS:CONFIRMED");

        JsonNode inbox = chc.get("/api/operators/chc/inbox?state=ACCEPTED").json();
        assertThat(inbox.get("entries").valueStream().map(e -> e.get("delegationId").asString())).contains(id);
    }

    private static long version(Api desk, String id) {
        return desk.get("/api/audit/events?limit=1000&aggregateId=" + id).json().get("items").size() - 1;
    }

    private static JsonNode read(Api api, String id, long version) {
        Api.Response response = api.get("/api/delegations/" + id + "?minVersion=" + version);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + response.json().get("version").asLong() + "\"");
        return response.json();
    }
}
