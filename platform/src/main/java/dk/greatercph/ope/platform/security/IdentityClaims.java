package dk.greatercph.ope.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;

import java.util.Collection;
import java.util.Locale;

/**
 * Who the identity provider says someone is: the one mapping from a token's claims (an API client's bearer JWT,
 * or the ID token and user info of a person signing in to the pages) to a {@link CurrentUser}, with the same
 * refusals wherever the claims come from.
 */
public final class IdentityClaims {

    /** Why claims name no user the system accepts. */
    public enum Refusal {
        NO_USER("The token names no user."),
        RESERVED_NAME("The token's user name is reserved for the system."),
        NO_ROLE("The token carries no role."),
        UNKNOWN_ROLE("The token's role is not one of DESK, OPERATOR, AUDITOR, ADMIN."),
        NO_OPERATOR("An operator's token must name its operator.");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The claims were refused for {@link #reason()}. */
    public static final class Refused extends RuntimeException {

        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.message());
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private IdentityClaims() {
    }

    /**
     * The user the claims name: the name claim (else {@code sub}), exactly one known role, and for an operator its
     * operator id; a reserved actor name is refused.
     *
     * @throws Refused when the claims name no user the system accepts
     */
    public static CurrentUser user(ClaimAccessor claims, SecurityProperties.Jwt mapping) {
        String name = claims.getClaimAsString(mapping.nameClaim());
        if (name == null || name.isBlank()) {
            name = claims.getClaimAsString("sub");
        }
        Role role = parseRole(claims.getClaimAsString(mapping.roleClaim()));
        String operatorId = claims.getClaimAsString(mapping.operatorClaim());
        if (name == null || name.isBlank()) {
            throw new Refused(Refusal.NO_USER);
        }
        if (ActorMetadata.isReservedName(name)) {
            throw new Refused(Refusal.RESERVED_NAME);
        }
        if (role == Role.OPERATOR && (operatorId == null || operatorId.isBlank())) {
            throw new Refused(Refusal.NO_OPERATOR);
        }
        return new CurrentUser(name, role, operatorId);
    }

    /** The authorities that make {@link CurrentUser#from} give this user back. */
    public static Collection<GrantedAuthority> authorities(CurrentUser user) {
        return CurrentUser.authorities(user.role(), user.operatorId());
    }

    private static Role parseRole(String claim) {
        if (claim == null) {
            throw new Refused(Refusal.NO_ROLE);
        }
        try {
            return Role.valueOf(claim.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused(Refusal.UNKNOWN_ROLE);
        }
    }
}
