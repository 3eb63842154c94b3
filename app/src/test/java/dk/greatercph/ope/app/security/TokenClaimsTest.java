package dk.greatercph.ope.app.security;

import com.nimbusds.jwt.JWTClaimsSet;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Jwts;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token is a credential only while it says when it was issued and when it expires, lives at most
 * 12 hours, and is judged with at most 30 seconds of clock skew; no token may name a person as the system.
 */
@OpeIntegrationTest
class TokenClaimsTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenWithoutExpiryIsRefused() {
        JWTClaimsSet claims = Jwts.claimsFor("no.exp", "DESK", null).expirationTime(null).build();

        assertUnauthenticated(call(claims));
    }

    @Test
    void aTokenWithoutIssueTimeIsRefused() {
        JWTClaimsSet claims = Jwts.claimsFor("no.iat", "DESK", null).issueTime(null).build();

        assertUnauthenticated(call(claims));
    }

    @Test
    void aTokenLivingLongerThanTwelveHoursIsRefusedAndOneJustUnderIsAccepted() {
        Instant issued = Instant.now().minusSeconds(60);

        assertUnauthenticated(call(lifetime(issued, issued.plus(Duration.ofHours(12)).plusSeconds(60))));
        assertThat(call(lifetime(issued, issued.plus(Duration.ofHours(12)).minusSeconds(60))).status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiredFortySecondsAgoIsRefusedThoughTwentySecondsIsWithinTheSkew() {
        Instant now = Instant.now();

        assertUnauthenticated(call(lifetime(now.minusSeconds(600), now.minusSeconds(40))));
        assertThat(call(lifetime(now.minusSeconds(600), now.minusSeconds(20))).status()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedAMinuteInTheFutureIsRefused() {
        Instant now = Instant.now();

        assertUnauthenticated(call(lifetime(now.plusSeconds(60), now.plusSeconds(600))));
    }

    @Test
    void aTokenNotValidForAnotherMinuteIsRefused() {
        Instant now = Instant.now();
        JWTClaimsSet claims = Jwts.claimsFor("not.yet", "DESK", null).issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.plusSeconds(60))).expirationTime(Date.from(now.plusSeconds(600))).build();

        assertUnauthenticated(call(claims));
    }

    @Test
    void aTokenNamingAReservedActorMayNotCommand() {
        for (String reserved : new String[]{"system", " System ", "SYSTEM", "anonymousUser"}) {
            Api asSystem = new Api(port).withBearer(Jwts.valid(reserved, "DESK", null));

            assertUnauthenticated(asSystem.post("/api/delegations", Requests.delegation("Posing as the system")));
        }
    }

    @Test
    void aTokenWithoutANameClaimWhoseSubjectIsSystemIsRefused() {
        JWTClaimsSet claims = Jwts.claimsFor("ignored", "DESK", null)
                .claim("preferred_username", null).subject("system").build();

        assertUnauthenticated(call(claims));
    }

    private Api.Response call(JWTClaimsSet claims) {
        return new Api(port).withBearer(Jwts.signed(claims)).get("/api/delegations?limit=1");
    }

    private static JWTClaimsSet lifetime(Instant issued, Instant expires) {
        return Jwts.claimsFor("life.time", "DESK", null)
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }
}
