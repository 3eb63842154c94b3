package dk.greatercph.ope.web.security;

import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.platform.security.IdentityClaims;
import dk.greatercph.ope.platform.security.SecurityProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;

/**
 * The person the identity provider signed in, as the API's bearer tokens name them: the ID token's and user info's
 * claims go through the same {@link IdentityClaims} mapping, so the same name, role and operator come out, and the
 * same claims are refused (no role, a reserved name, an operator without its operator).
 */
final class IdentityProviderUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService claims = new OidcUserService();
    private final SecurityProperties.Jwt mapping;

    IdentityProviderUsers(SecurityProperties.Jwt mapping) {
        this.mapping = mapping;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = claims.loadUser(request);
        CurrentUser user;
        try {
            user = IdentityClaims.user(signedIn, mapping);
        } catch (IdentityClaims.Refused refused) {
            throw new SignInRefused(refused.reason());
        }
        return new PageUser(IdentityClaims.authorities(user), signedIn, user.name());
    }

    /** The signed-in person: the provider's tokens, our authorities, and the name the API would record. */
    static final class PageUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String name;

        PageUser(Collection<? extends GrantedAuthority> authorities, OidcUser user, String name) {
            super(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PageUser user && super.equals(other) && name.equals(user.name);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + name.hashCode();
        }
    }

    /** The identity provider signed someone in whom this system does not accept, and why. */
    static final class SignInRefused extends OAuth2AuthenticationException {

        private static final long serialVersionUID = 1L;

        private final IdentityClaims.Refusal reason;

        SignInRefused(IdentityClaims.Refusal reason) {
            super(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, reason.message(), null), reason.message());
            this.reason = reason;
        }

        IdentityClaims.Refusal reason() {
            return reason;
        }
    }
}
