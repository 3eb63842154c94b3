package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delegation view moves with every event of its delegation, so the ETag it shows is the aggregate's version
 * and a command conditional on it is accepted; the board's status is the aggregate's; a stale If-Match is a
 * stale version, whatever the command would have found.
 */
@OpeIntegrationTest
class ViewVersionTest {

    private static final String MEMBER = "{\"name\":\"Li Wei\",\"title\":\"Deputy Director\"}";

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    Lifecycle lifecycle;
    Api desk;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(new Api(port));
        desk = lifecycle.desk();
    }

    @Test
    void addingAndRemovingAMemberAdvancesTheViewsVersion() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Members " + UUID.randomUUID()));

        Api.Response added = desk.post("/api/delegations/" + id + "/members", MEMBER);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        Api.Response view = desk.get("/api/delegations/" + id + "?minVersion=" + added.json().get("version").asLong());
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.header("ETag")).isEqualTo(added.header("ETag"));

        Api.Response removed = delete("/api/delegations/" + id + "/members/" + added.json().get("id").asString(),
                view.header("ETag"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        Api.Response after = desk.get("/api/delegations/" + id + "?minVersion=" + removed.json().get("version").asLong());
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.header("ETag")).isEqualTo(removed.header("ETag"));

        Api.Response conditional = desk.post("/api/delegations/" + id + "/members", MEMBER,
                Map.of("If-Match", after.header("ETag")));
        assertThat(conditional.status()).as(conditional.body()).isEqualTo(201);

        // the member just removed is gone when read with the removal's version: it was read back in half the tries
        for (int i = 0; i < 10; i++) {
            Api.Response member = desk.post("/api/delegations/" + id + "/members", MEMBER);
            Api.Response gone = delete("/api/delegations/" + id + "/members/" + member.json().get("id").asString(),
                    null);
            assertThat(desk.get("/api/delegations/" + id + "/members/" + member.json().get("id").asString()
                    + "?minVersion=" + gone.json().get("version").asLong()).status()).isEqualTo(404);
        }
        // the list as well: it took no minVersion, and an addition or a removal a moment ago was not yet in it
        for (int i = 0; i < 10; i++) {
            Api.Response member = desk.post("/api/delegations/" + id + "/members", MEMBER);
            String memberId = member.json().get("id").asString();
            assertThat(desk.get("/api/delegations/" + id + "/members?minVersion=" + member.json().get("version")
                    .asLong()).body()).contains(memberId);
            Api.Response gone = delete("/api/delegations/" + id + "/members/" + memberId, null);
            assertThat(desk.get("/api/delegations/" + id + "/members?minVersion=" + gone.json().get("version")
                    .asLong()).body()).doesNotContain(memberId);
        }
        // a version the delegation has not recorded is not reached, as on the delegation's own read: it was
        // answered as if it were
        Api.Response last = desk.post("/api/delegations/" + id + "/members", MEMBER);
        long beyond = last.json().get("version").asLong() + 50;
        for (String path : new String[]{"/members?minVersion=" + beyond,
                "/members/" + last.json().get("id").asString() + "?minVersion=" + beyond}) {
            Api.Response ahead = desk.get("/api/delegations/" + id + path);
            assertThat(ahead.status()).as(path + ": " + ahead.body()).isEqualTo(409);
            assertThat(ahead.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
        }
    }

    @Test
    void removingTheLastProgrammeItemReturnsTheBoardToAccepted() {
        String marker = UUID.randomUUID().toString();
        String id = lifecycle.accepted("Last item " + marker);
        String item = lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null,
                "2027-09-07T10:00", "2027-09-07T11:00");
        assertThat(desk.getUntil("/api/delegations/" + id, r -> "PROGRAMME_PLANNED".equals(status(r)),
                Duration.ofSeconds(5)).json().get("status").asString()).isEqualTo("PROGRAMME_PLANNED");

        Api.Response removed = delete("/api/delegations/" + id + "/programme-items/" + item, null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        Api.Response view = desk.get("/api/delegations/" + id + "?minVersion=" + removed.json().get("version").asLong());
        assertThat(view.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(lifecycle.as("auditor").get("/api/audit/Delegation/" + id + "/state").json().toString())
                .contains("\"status\":\"ACCEPTED\"");
        assertThat(desk.get("/api/delegations?status=ACCEPTED&q=" + marker).json().toString()).contains(id);
    }

    @Test
    void aStaleIfMatchOnAStateChangeIsAStaleVersion() {
        Api.Response created = desk.post("/api/delegations", Requests.delegation("Stale " + UUID.randomUUID()));
        String id = created.json().get("id").asString();
        String screening = "{\"businessOpportunityAssessment\":\"Solid\"}";
        Api.Response screened = desk.post("/api/delegations/" + id + "/screening", screening,
                Map.of("If-Match", created.header("ETag")));
        assertThat(screened.status()).as(screened.body()).isEqualTo(200);

        Api.Response again = desk.post("/api/delegations/" + id + "/screening", screening,
                Map.of("If-Match", created.header("ETag")));
        Api.Response unconditional = desk.post("/api/delegations/" + id + "/screening", screening);

        assertThat(again.status()).as(again.body()).isEqualTo(412);
        assertThat(again.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(unconditional.status()).isEqualTo(409);
        assertThat(unconditional.json().get("code").asString()).isEqualTo("INVALID_STATE");
    }

    @Test
    void anOperatorReadsADelegationJustOfferedToItOnceTheBoardHasCaughtUp() throws Exception {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Offered meanwhile " + UUID.randomUUID(),
                "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "Tele-health partners"));
        desk.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10));
        EventProcessor board = processing.eventProcessor("delegation-board").orElseThrow();
        board.shutDown();
        Api.Response accepted;
        CompletableFuture<Void> restarted;
        try {
            Lifecycle.ok(desk.post("/api/delegations/" + id + "/routing", "{}"));
            accepted = Lifecycle.ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance",
                    ""));
            restarted = CompletableFuture.runAsync(() -> {
                Api.sleep(500);
                board.start();
            });
        } catch (RuntimeException | AssertionError e) {
            board.start();
            throw e;
        }
        try {
            long version = accepted.json().get("version").asLong();
            Api.Response asLead = lifecycle.as("chc").get("/api/delegations/" + id + "?minVersion=" + version);
            assertThat(asLead.status()).as("the board did not yet know chc was offered it: " + asLead.body())
                    .isEqualTo(200);
            assertThat(asLead.header("ETag")).isEqualTo("\"" + version + "\"");
        } finally {
            restarted.get(10, TimeUnit.SECONDS);
        }

        Api.Response notOffered = lifecycle.as("clean").get("/api/delegations/" + id + "?minVersion=0");
        assertThat(notOffered.status()).isEqualTo(404);
        Api.Response unknown = desk.get("/api/delegations/DEL-" + UUID.randomUUID() + "?minVersion=0");
        assertThat(unknown.status()).isEqualTo(404);
    }

    private Api.Response delete(String path, String ifMatch) {
        return desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE(),
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static String status(Api.Response response) {
        return response.status() == 200 ? response.json().get("status").asString() : null;
    }
}
