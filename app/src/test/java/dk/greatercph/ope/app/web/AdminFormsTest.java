package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.PoisonSwitch;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's forms over plain HTTP: eviction needs a reason, refusals in words, retrying all of a projection. */
@OpeIntegrationTest
class AdminFormsTest {

    @LocalServerPort
    int port;

    /** The id of the one dead letter parked for {@code aggregate}, once it is listed. */
    static String letterOf(Api admin, String aggregate) {
        JsonNode page = admin.getUntil("/api/admin/dead-letters?projection=reference-names&limit=500",
                r -> r.status() == 200 && r.json().get("items").valueStream()
                        .anyMatch(l -> aggregate.equals(l.get("sequence").asString())), Duration.ofSeconds(15)).json();
        return page.get("items").valueStream().filter(l -> aggregate.equals(l.get("sequence").asString()))
                .findFirst().orElseThrow().get("id").asString();
    }

    @Test
    void anEvictionWithoutAReasonIsRefusedBesideTheFieldThenOneWithAReasonEvicts() {
        Api admin = new Api(port).as("admin");
        String marker = "Admin evict " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            String venue = new Api(port).as("desk").post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":9}")
                    .json().get("id").asString();
            String letter = letterOf(admin, venue);
            PageSession page = PageSession.signedIn(port, "admin");
            assertThat(page.get("/admin/dead-letters?projection=reference-names").body()).contains("letter-" + letter);

            PageSession.Page refused = page.post("/admin/dead-letters/" + letter + "/eviction",
                    Map.of("reason", " ", "projection", "reference-names"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("role=\"alert\"", "Der mangler en begrundelse.",
                    "aria-describedby=\"reason-" + letter + "-error\"", "aria-invalid=\"true\"");
            assertThat(admin.get("/api/admin/dead-letters/" + letter).status()).as("nothing evicted").isEqualTo(200);

            PageSession.Page evicted = page.post("/admin/dead-letters/" + letter + "/eviction",
                    Map.of("reason", "Test venue; named again later", "projection", "reference-names"));
            assertThat(evicted.status()).isEqualTo(302);
            assertThat(evicted.header("Location")).endsWith("/admin/dead-letters?projection=reference-names");
            assertThat(page.get("/admin/dead-letters?projection=reference-names").body())
                    .contains("Hændelsen er fjernet fra køen.").doesNotContain("letter-" + letter);
            assertThat(admin.get("/api/admin/dead-letters/" + letter).status()).isEqualTo(404);
        } finally {
            PoisonSwitch.cure(marker);
            rebuilt(admin, "reference-names");
        }
    }

    /**
     * The projection rebuilt from the whole history, as after an eviction an administrator would: the evicted event
     * is applied again, so the view is again what any later replay builds (the replay test compares the two).
     */
    private static void rebuilt(Api admin, String projection) {
        assertThat(admin.post("/api/admin/projections/" + projection + "/replay", "").status()).isEqualTo(202);
        JsonNode status = admin.getUntil("/api/admin/projections/" + projection, r -> r.status() == 200
                && !r.json().path("replaying").asBoolean(true) && r.json().path("behindBy").asLong(-1) == 0,
                Duration.ofSeconds(60)).json();
        assertThat(status.path("replaying").asBoolean(true)).as(projection + " rebuilt: " + status).isFalse();
    }

    @Test
    void retryingAllOfAProjectionSaysWhatItDid() {
        Api admin = new Api(port).as("admin");
        String marker = "Admin retry all " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            String venue = new Api(port).as("desk").post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":9}")
                    .json().get("id").asString();
            String letter = letterOf(admin, venue);
            PoisonSwitch.cure(marker);
            PageSession page = PageSession.signedIn(port, "admin");
            page.get("/admin/dead-letters?projection=reference-names");

            PageSession.Page retried = page.post("/admin/dead-letters/retry", Map.of("projection", "reference-names"));

            assertThat(retried.status()).isEqualTo(302);
            assertThat(page.get(retried.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                    .contains("Prøvet igen:").contains("0 hændelser er stadig parkeret").doesNotContain("letter-" + letter);
            assertThat(page.post("/admin/dead-letters/retry", Map.of()).body())
                    .as("no projection chosen").contains("Vælg den projektion");
        } finally {
            PoisonSwitch.cure(marker);
        }
    }

    @Test
    void aReplayTheProjectionDoesNotAllowIsRefusedInWords() {
        PageSession page = PageSession.signedIn(port, "admin");
        String projections = page.get("/admin/projections").body();
        // not offered (it was, and then refused): the inbox's live push keeps no view
        assertThat(projections).doesNotContain("/admin/projections/inbox-push/replay")
                .contains("/admin/projections/delegation-board/replay", "Holder ingen visning");

        PageSession.Page refused = page.post("/admin/projections/inbox-push/replay", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("role=\"alert\"", "Denne projektion kan ikke genopbygges");
        assertThat(PageSession.signedIn(port, "desk").get("/admin/dead-letters").status()).isEqualTo(403);
    }
}
