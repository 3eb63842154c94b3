package dk.greatercph.ope.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The pages' client at the identity provider that also issues the API's JWTs
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 *
 * @param clientId     the client id registered at the identity provider for the pages
 * @param clientSecret its secret; leave it out for a public client (PKCE is used either way)
 * @param scopes       the scopes asked for (default {@code openid profile})
 */
@ConfigurationProperties("ope.web.oidc")
record IdentityProviderProperties(String clientId, String clientSecret, List<String> scopes) {

    IdentityProviderProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
    }
}
