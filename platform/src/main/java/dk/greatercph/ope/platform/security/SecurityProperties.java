package dk.greatercph.ope.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Users and identity-provider claim mapping.
 *
 * @param users          configured users, each with a password hash ({@code {bcrypt}…} or {@code {argon2}…})
 * @param allowDemoUsers outside the embedded default, demo users (password = user name) are refused unless
 *                       this is {@code true}
 * @param jwt            how a JWT's claims map to a user
 * @param loginThrottle  how many failed password attempts a user name and a client address may make
 * @param verifiedLogins how long a successful password check is remembered after its last use (default 5
 *                       minutes), so that a client's every request does not pay for a slow hash again
 * @param headers        security headers on every response
 * @param cors           cross-origin access; none unless origins are configured
 */
@ConfigurationProperties("ope.security")
public record SecurityProperties(List<User> users, Boolean allowDemoUsers, Jwt jwt, LoginThrottle loginThrottle,
                                 Duration verifiedLogins, Headers headers, Cors cors) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        allowDemoUsers = allowDemoUsers != null && allowDemoUsers;
        jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
        loginThrottle = loginThrottle == null ? new LoginThrottle(null, null, null) : loginThrottle;
        verifiedLogins = verifiedLogins == null ? Duration.ofMinutes(5) : verifiedLogins;
        headers = headers == null ? new Headers(null) : headers;
        cors = cors == null ? new Cors(null) : cors;
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
     * @param maxLifetime   the longest a token may live from {@code iat} to {@code exp} (default 12 hours)
     * @param clockSkew     how far the identity provider's clock may differ from ours (default and at most 30 s)
     */
    public record Jwt(String nameClaim, String roleClaim, String operatorClaim, Duration maxLifetime,
                      Duration clockSkew) {
        public Jwt {
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
            roleClaim = roleClaim == null ? "ope_role" : roleClaim;
            operatorClaim = operatorClaim == null ? "ope_operator_id" : operatorClaim;
            maxLifetime = maxLifetime == null ? Duration.ofHours(12) : maxLifetime;
            clockSkew = clockSkew == null ? TokenLifetime.MAX_CLOCK_SKEW : clockSkew;
        }
    }

    /**
     * Failed password attempts allowed before further attempts are answered 429 without being checked.
     *
     * @param enabled     on unless {@code false}
     * @param perUserName per user name, known or not (default 10 failures, then one more every 30 s)
     * @param perAddress  per client address (default 30 failures, then one more every 10 s)
     */
    public record LoginThrottle(Boolean enabled, Limit perUserName, Limit perAddress) {
        public LoginThrottle {
            enabled = enabled == null || enabled;
            perUserName = perUserName == null ? new Limit(10, Duration.ofSeconds(30)) : perUserName.orDefaults(10, 30);
            perAddress = perAddress == null ? new Limit(30, Duration.ofSeconds(10)) : perAddress.orDefaults(30, 10);
        }
    }

    /**
     * A limit on failures: {@code failures} in a row are allowed, then one more attempt every {@code period}
     * (the allowance refills gradually, so a locked-out user waits at most one period once the failures stop).
     */
    public record Limit(Integer failures, Duration period) {
        Limit orDefaults(int defaultFailures, int defaultSeconds) {
            return new Limit(failures == null ? defaultFailures : failures,
                    period == null ? Duration.ofSeconds(defaultSeconds) : period);
        }
    }

    /**
     * Security headers.
     *
     * @param contentSecurityPolicy the {@code Content-Security-Policy} of every response; the default allows
     *                              scripts, styles and images only from this origin and no inline code
     */
    public record Headers(String contentSecurityPolicy) {
        static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

        public Headers {
            contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank()
                    ? DEFAULT_CSP : contentSecurityPolicy;
        }
    }

    /**
     * Cross-origin resource sharing.
     *
     * @param allowedOrigins the exact origins (e.g. {@code https://ope.regionh.dk}) whose scripts may call the
     *                       API with a bearer token; empty (the default) means no CORS headers at all
     */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
