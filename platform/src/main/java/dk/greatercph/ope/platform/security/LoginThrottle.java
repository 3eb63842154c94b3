package dk.greatercph.ope.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;

/**
 * Slows password guessing down: every password check takes one attempt from the allowance of its user name
 * (known or not, so that the answer says nothing about which names exist) and one from its client address,
 * and a successful check gives both back. Only failures therefore use an allowance up; once one is empty,
 * attempts are refused unchecked until it has refilled by one, which takes at most one period.
 */
final class LoginThrottle {

    private static final long MAX_TRACKED = 100_000;

    private final boolean enabled;
    private final SecurityProperties.Limit perName;
    private final SecurityProperties.Limit perAddress;
    private final Cache<String, Bucket> names;
    private final Cache<String, Bucket> addresses;
    private final TimeMeter clock;

    LoginThrottle(SecurityProperties.LoginThrottle config) {
        this(config, TimeMeter.SYSTEM_NANOTIME);
    }

    LoginThrottle(SecurityProperties.LoginThrottle config, TimeMeter clock) {
        this.clock = clock;
        this.enabled = config.enabled();
        this.perName = requireValid("per-user-name", config.perUserName());
        this.perAddress = requireValid("per-address", config.perAddress());
        this.names = tracker(perName);
        this.addresses = tracker(perAddress);
    }

    /** Takes one attempt from the name's and the address's allowance, or refuses with the time to wait. */
    Attempt begin(String name, String address) {
        if (!enabled) {
            return Attempt.UNTHROTTLED;
        }
        Bucket byName = names.get(name, key -> bucket(perName));
        ConsumptionProbe nameProbe = byName.tryConsumeAndReturnRemaining(1);
        if (!nameProbe.isConsumed()) {
            throw new TooManyAttempts(Duration.ofNanos(nameProbe.getNanosToWaitForRefill()));
        }
        Bucket byAddress = addresses.get(address, key -> bucket(perAddress));
        ConsumptionProbe addressProbe = byAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            byName.addTokens(1);
            throw new TooManyAttempts(Duration.ofNanos(addressProbe.getNanosToWaitForRefill()));
        }
        return new Attempt(byName, byAddress);
    }

    /** An attempt in progress: kept as a failure unless it {@link #succeeded()}. */
    record Attempt(Bucket name, Bucket address) {

        static final Attempt UNTHROTTLED = new Attempt(null, null);

        void succeeded() {
            if (name != null) {
                name.addTokens(1);
                address.addTokens(1);
            }
        }
    }

    private Bucket bucket(SecurityProperties.Limit limit) {
        return Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(bandwidth -> bandwidth.capacity(limit.failures()).refillGreedy(1, limit.period()))
                .build();
    }

    /**
     * Allowances untouched for as long as a full refill takes are full again and can be forgotten; the size
     * bound keeps a spray of made-up names from filling the memory.
     */
    private static Cache<String, Bucket> tracker(SecurityProperties.Limit limit) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterAccess(limit.period().multipliedBy(limit.failures()))
                .build();
    }

    private static SecurityProperties.Limit requireValid(String name, SecurityProperties.Limit limit) {
        if (limit.failures() < 1 || (limit.period().isNegative() || limit.period().isZero())) {
            throw new IllegalStateException("ope.security.login-throttle." + name
                    + " needs failures of at least 1 and a positive period.");
        }
        return limit;
    }
}
