package dk.greatercph.ope.platform.idempotency;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Whose keys these are: the authenticated principal as its issuer and subject. A JWT's principal is its
 * {@code iss} and {@code sub}; a configured (HTTP Basic) user has the issuer marker {@value #CONFIGURED_USERS}
 * and its user name as subject. A JWT user named like a configured user is therefore someone else. A person signed
 * in to the pages through the identity provider has the issuer and subject of their ID token, as their bearer token.
 */
record IdempotencyScope(String issuer, String subject) {

    static final String CONFIGURED_USERS = "ope:basic";

    static IdempotencyScope of(Authentication user) {
        if (user instanceof JwtAuthenticationToken token) {
            String issuer = token.getToken().getClaimAsString("iss");
            String subject = token.getToken().getSubject();
            return new IdempotencyScope("jwt:" + (issuer == null ? "" : issuer),
                    subject == null || subject.isBlank() ? "name:" + user.getName() : subject);
        }
        if (user.getPrincipal() instanceof ClaimAccessor token && token.getClaimAsString("iss") != null) {
            // a page signed in through the identity provider: the same person as their bearer token
            String subject = token.getClaimAsString("sub");
            return new IdempotencyScope("jwt:" + token.getClaimAsString("iss"),
                    subject == null || subject.isBlank() ? "name:" + user.getName() : subject);
        }
        return new IdempotencyScope(CONFIGURED_USERS, user.getName());
    }
}
