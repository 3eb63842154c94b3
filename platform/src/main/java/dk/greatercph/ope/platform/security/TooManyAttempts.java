package dk.greatercph.ope.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A password attempt refused unchecked, because its user name or client address failed too often. */
final class TooManyAttempts extends AuthenticationException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("Too many failed attempts.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until one more attempt is allowed, at least 1. */
    long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
