package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Jwts;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The production path: bearer JWTs from the authority's identity provider, mapped to a role and an operator. */
@OpeIntegrationTest
class JwtAuthenticationTest {

    @LocalServerPort
    int port;

    @Test
    void aValidDeskTokenMayRegisterAndIsRecordedAsTheActor() {
        Api desk = new Api(port).withBearer(Jwts.valid("mette.desk", "DESK", null));

        Api.Response created = desk.post("/api/delegations", Requests.delegation("Via JWT"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response log = desk.getUntil("/api/audit/events?aggregateId=" + id,
                r -> r.json().get("items").size() == 1, Duration.ofSeconds(5));
        assertThat(log.json().get("items").get(0).get("metaData").get("actor").asString()).isEqualTo("mette.desk");
    }

    @Test
    void anAuditorTokenReadsButMayNotCommand() {
        Api auditor = new Api(port).withBearer(Jwts.valid("aud.itor", "AUDITOR", null));

        assertThat(auditor.get("/api/audit/events?limit=1").status()).isEqualTo(200);
        assertThat(auditor.post("/api/delegations", Requests.delegation("Auditor tries")).status()).isEqualTo(403);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Jwts.signed("desk", "DESK", null, Jwts.AUDIENCE, Instant.now().minusSeconds(3600));

        assertUnauthenticated(new Api(port).withBearer(expired).get("/api/delegations"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertUnauthenticated(new Api(port).withBearer(Jwts.unsigned("desk", "DESK")).get("/api/delegations"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String otherAudience = Jwts.signed("desk", "DESK", null, "another-system", Instant.now().plusSeconds(300));

        assertUnauthenticated(new Api(port).withBearer(otherAudience).get("/api/delegations"));
    }

    @Test
    void anOperatorTokenWithoutItsOperatorIsRefused() {
        assertUnauthenticated(new Api(port).withBearer(Jwts.valid("op", "OPERATOR", null)).get("/api/schedule"));
    }

    @Test
    void aTokenWithAnUnknownRoleIsRefused() {
        assertUnauthenticated(new Api(port).withBearer(Jwts.valid("x", "SUPERUSER", null)).get("/api/delegations"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertUnauthenticated(new Api(port).basic("desk", "not-the-password").get("/api/delegations"));
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }
}
