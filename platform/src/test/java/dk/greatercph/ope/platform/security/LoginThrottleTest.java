package dk.greatercph.ope.platform.security;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The throttle's arithmetic, on a clock the test moves. */
class LoginThrottleTest {

    private final ManualClock clock = new ManualClock();

    private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties.LoginThrottle(true,
            new SecurityProperties.Limit(3, Duration.ofSeconds(30)),
            new SecurityProperties.Limit(5, Duration.ofSeconds(10))), clock);

    @Test
    void failuresUseUpANamesAllowanceAndOneAttemptReturnsAfterOnePeriod() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("desk", "192.0.2." + i);
        }

        TooManyAttempts held = catchThrowableOfType(TooManyAttempts.class, () -> throttle.begin("desk", "192.0.2.9"));
        assertThat(held.retryAfterSeconds()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(29));
        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> throttle.begin("desk", "192.0.2.9"))
                .retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        throttle.begin("desk", "192.0.2.9").succeeded();
        throttle.begin("desk", "192.0.2.9");
        assertThatThrownBy(() -> throttle.begin("desk", "192.0.2.9")).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void successesGiveTheirAttemptBack() {
        for (int i = 0; i < 100; i++) {
            throttle.begin("auditor", "192.0.2.50").succeeded();
        }

        throttle.begin("auditor", "192.0.2.50");
    }

    @Test
    void anAddressIsHeldBackAcrossNamesWithoutChargingTheNextName() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("spray-" + i, "203.0.113.1");
        }

        TooManyAttempts held = catchThrowableOfType(TooManyAttempts.class, () -> throttle.begin("victim", "203.0.113.1"));

        assertThat(held.retryAfterSeconds()).isEqualTo(10);
        for (int i = 0; i < 3; i++) {
            throttle.begin("victim", "203.0.113.2");
        }
        assertThatThrownBy(() -> throttle.begin("victim", "203.0.113.3")).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void aDisabledThrottleNeverRefuses() {
        LoginThrottle off = new LoginThrottle(new SecurityProperties.LoginThrottle(false, null, null), clock);

        for (int i = 0; i < 1000; i++) {
            off.begin("desk", "192.0.2.1");
        }
    }

    private static final class ManualClock implements TimeMeter {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
