package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that once answered the Basic prompt attaches the credentials to whatever another site's page makes it
 * send here: a form posted from evil.example confirmed a delegation and started a replay in the user's name. Such
 * requests are refused 403 CROSS_SITE_REQUEST and record nothing; the same request from this site, from a link the
 * user follows, or from a client that is no browser is served.
 */
@OpeIntegrationTest
class CrossSiteRequestTest {

    @LocalServerPort
    int port;

    @Test
    void aChangeAnotherSitesPageSendsWithRememberedBasicCredentialsIsRefusedAndRecordsNothing() {
        Api desk = new Api(port).as("desk");
        String name = "Cross-site hall " + UUID.randomUUID();
        String venue = "{\"name\":\"" + name + "\",\"capacity\":9}";

        Api.Response fetched = desk.post("/api/venues", venue, Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "cors", "Origin", "https://evil.example"));
        Api.Response posted = desk.post("/api/venues", venue, Map.of("Sec-Fetch-Site", "same-site",
                "Sec-Fetch-Mode", "navigate"));
        Api.Response oldBrowser = desk.post("/api/venues", venue, Map.of("Origin", "https://evil.example"));
        Api.Response sandboxed = desk.post("/api/venues", venue, Map.of("Origin", "null"));
        Api.Response otherPort = desk.post("/api/venues", venue, Map.of("Origin", "http://localhost:1"));

        for (Api.Response refused : java.util.List.of(fetched, posted, oldBrowser, sandboxed, otherPort)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("CROSS_SITE_REQUEST");
        }
        assertThat(desk.get("/api/venues").body()).doesNotContain(name);

        // three venues, as one name is one venue
        assertThat(desk.post("/api/venues", venue, Map.of("Sec-Fetch-Site", "same-origin",
                "Origin", "http://localhost:" + port)).status()).isEqualTo(201);
        assertThat(desk.post("/api/venues", venue.replace(name, name + " 2"), Map.of("Origin", "http://localhost:" + port))
                .status()).isEqualTo(201);
        assertThat(desk.post("/api/venues", venue.replace(name, name + " 3")).status())
                .as("a client that is no browser").isEqualTo(201);
    }

    @Test
    void aReadAnotherSiteEmbedsIsRefusedAndALinkTheUserFollowsIsServed() {
        Api desk = new Api(port).as("desk");

        Api.Response embedded = desk.get("/api/delegations?limit=1", Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "no-cors"));
        assertThat(embedded.status()).isEqualTo(403);
        assertThat(embedded.json().get("code").asString()).isEqualTo("CROSS_SITE_REQUEST");

        assertThat(desk.get("/api/delegations?limit=1", Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate")).status()).isEqualTo(200);
        assertThat(new Api(port).get("/api/delegations?limit=1", Map.of("Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "no-cors")).status()).as("no credentials: asked for them as before").isEqualTo(401);
    }
}
