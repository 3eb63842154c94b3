package dk.greatercph.ope.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users and identity-provider claim mapping.
 *
 * @param users          configured users, each with a password hash ({@code {bcrypt}…} or {@code {argon2}…})
 * @param allowDemoUsers outside the embedded default, demo users (password = user name) are refused unless
 *                       this is {@code true}
 * @param jwt            how a JWT's claims map to a user
 */
@ConfigurationProperties("ope.security")
public record SecurityProperties(List<User> users, Boolean allowDemoUsers, Jwt jwt) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        allowDemoUsers = allowDemoUsers != null && allowDemoUsers;
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    }

    /**
     * A configured user.
     *
     * @param username     the login name, recorded as the actor of everything the user does
     * @param passwordHash an encoded password with its algorithm prefix, never a clear password
     * @param role         exactly one role
     * @param operatorId   for role OPERATOR, the operator the user acts for
     */
    public record User(String username, String passwordHash, Role role, String operatorId) {
    }

    /**
     * Claim mapping of the identity provider's JWTs.
     *
     * @param nameClaim     the claim naming the user (default {@code preferred_username}, then {@code sub})
     * @param roleClaim     the claim holding the role: DESK, OPERATOR, AUDITOR or ADMIN (default {@code ope_role})
     * @param operatorClaim the claim holding an operator user's operator id (default {@code ope_operator_id})
     */
    public record Jwt(String nameClaim, String roleClaim, String operatorClaim) {
        public Jwt {
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
            roleClaim = roleClaim == null ? "ope_role" : roleClaim;
            operatorClaim = operatorClaim == null ? "ope_operator_id" : operatorClaim;
        }
    }
}
