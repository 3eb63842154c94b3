package dk.greatercph.ope.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssuerClientRegistrationTest {

    @Test
    void anUnreachableProviderIsAskedOnlyAtSignInAndEndsOnTheSignInPageSayingSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // building it asks nothing: the application starts while the provider is down
        IssuerClientRegistration registration = new IssuerClientRegistration("http://127.0.0.1:" + closedPort,
                new IdentityProviderProperties("pages", "secret", null));

        assertThat(registration.findByRegistrationId("other")).isNull();
        assertThatThrownBy(() -> registration.findByRegistrationId(IssuerClientRegistration.ID))
                .isInstanceOf(IssuerClientRegistration.IdentityProviderUnavailable.class)
                .satisfies(failure -> assertThat(LoginFailures.target(
                        new OAuth2AuthenticationException(new OAuth2Error("server_error"), failure)))
                        .isEqualTo("/login?unavailable"));
    }

    @Test
    void theLogoutFormMayBeRedirectedToTheProviderAndNowhereElse() {
        IssuerClientRegistration registration = new IssuerClientRegistration("https://idp.example.dk:8443/realms/region",
                new IdentityProviderProperties("pages", null, List.of("openid")));
        assertThat(registration.issuerOrigin()).isEqualTo("https://idp.example.dk:8443");
    }
}
