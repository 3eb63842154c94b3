package dk.greatercph.ope.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.ClaimAccessor;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyScopeTest {

    @Test
    void aPageSignedInThroughTheIdentityProviderHasTheScopeOfTheSamePersonsBearerToken() {
        ClaimAccessor idToken = () -> Map.of("iss", "https://idp.example.dk", "sub", "4711");
        TestingAuthenticationToken page = new TestingAuthenticationToken(idToken, null, "ROLE_DESK");

        assertThat(IdempotencyScope.of(page)).isEqualTo(new IdempotencyScope("jwt:https://idp.example.dk", "4711"));
    }

    @Test
    void aConfiguredUserIsScopedByName() {
        TestingAuthenticationToken basic = new TestingAuthenticationToken("desk", null, "ROLE_DESK");

        assertThat(IdempotencyScope.of(basic)).isEqualTo(new IdempotencyScope(IdempotencyScope.CONFIGURED_USERS, "desk"));
    }
}
