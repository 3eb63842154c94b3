package dk.greatercph.ope.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long kept answers to {@code Idempotency-Key} requests live.
 *
 * @param expiry        how long a kept answer is replayed for its key; after that the key is free again and the
 *                      record is pruned (default 24 hours)
 * @param lease         how long a request in flight holds its key; a retry after the lease ran out (the first
 *                      request crashed) carries the request out instead of answering 409 (default 1 minute)
 * @param pruneInterval how often expired records are deleted (default 10 minutes)
 */
@ConfigurationProperties("ope.idempotency")
public record IdempotencyProperties(Duration expiry, Duration lease, Duration pruneInterval) {

    public IdempotencyProperties {
        expiry = positive(expiry, Duration.ofHours(24), "expiry");
        lease = positive(lease, Duration.ofMinutes(1), "lease");
        pruneInterval = positive(pruneInterval, Duration.ofMinutes(10), "prune-interval");
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ope.idempotency." + name + " must be positive");
        }
        return value;
    }
}
