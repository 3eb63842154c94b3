package dk.greatercph.ope.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token must say when it was issued and when it expires, may live no longer than the configured maximum,
 * and is judged with at most 30 seconds of clock skew: a token that never expires is no credential.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    private final Duration maxLifetime;
    private final Duration clockSkew;
    private final Clock clock;

    TokenLifetime(Duration maxLifetime, Duration clockSkew, Clock clock) {
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalStateException("ope.security.jwt.clock-skew is " + clockSkew
                    + "; it must lie between 0 and " + MAX_CLOCK_SKEW + ".");
        }
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalStateException("ope.security.jwt.max-lifetime must be positive; it is " + maxLifetime + ".");
        }
        this.maxLifetime = maxLifetime;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        Instant now = clock.instant();
        if (expiresAt == null) {
            return invalid("The token has no expiry (exp).");
        }
        if (issuedAt == null) {
            return invalid("The token has no issue time (iat).");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            return invalid("The token expires before it was issued.");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return invalid("The token lives longer than " + maxLifetime + " from iat to exp.");
        }
        if (now.minus(clockSkew).isAfter(expiresAt)) {
            return invalid("The token has expired.");
        }
        if (now.plus(clockSkew).isBefore(issuedAt)) {
            return invalid("The token was issued in the future.");
        }
        Instant notBefore = token.getNotBefore();
        if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
            return invalid("The token is not valid yet (nbf).");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
