package dk.greatercph.ope.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.net.URI;

/**
 * The pages' one OpenID Connect client registration, built from the identity provider's discovery document the
 * first time someone signs in rather than at start, so that the application starts (and the API keeps answering)
 * while the identity provider is down; a failed discovery is tried again at the next sign-in.
 */
final class IssuerClientRegistration implements ClientRegistrationRepository {

    static final String ID = "ope";

    private static final Logger log = LoggerFactory.getLogger(IssuerClientRegistration.class);

    private final String issuer;
    private final IdentityProviderProperties client;
    private volatile ClientRegistration registration;

    IssuerClientRegistration(String issuer, IdentityProviderProperties client) {
        this.issuer = issuer;
        this.client = client;
    }

    /** The page address that starts a sign-in at the identity provider. */
    static String signInPath() {
        return "/oauth2/authorization/" + ID;
    }

    /** The issuer's origin ({@code https://idp.example.dk}), to which a page's logout form may be redirected. */
    String issuerOrigin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        try {
            ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(ID)
                    .clientId(client.clientId())
                    .scope(client.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
            if (client.clientSecret() == null || client.clientSecret().isBlank()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                builder.clientSecret(client.clientSecret());
            }
            return builder.build();
        } catch (RuntimeException e) {
            log.warn("The identity provider {} could not be asked for its OpenID configuration: {}", issuer,
                    e.toString());
            throw new IdentityProviderUnavailable(e);
        }
    }

    /** The identity provider did not answer its discovery document; nobody can sign in to the pages right now. */
    static final class IdentityProviderUnavailable extends RuntimeException {
        IdentityProviderUnavailable(Throwable cause) {
            super("the identity provider is unavailable", cause);
        }
    }
}
