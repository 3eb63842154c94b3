package dk.greatercph.ope.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WakeThrottleTest {

    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final WakeThrottle throttle = new WakeThrottle(100 * MS, (task, delay) -> {
        scheduled.add(task);
        delays.add(delay);
    }, now::get, wakes::incrementAndGet);

    @Test
    void theFirstCommitWakesAtOnce() {
        throttle.committed();

        assertThat(wakes).hasValue(1);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void commitsWithinTheIntervalShareOneWakeAtItsEnd() {
        throttle.committed();
        now.addAndGet(30 * MS);
        throttle.committed();
        now.addAndGet(10 * MS);
        throttle.committed();
        throttle.committed();

        assertThat(wakes).hasValue(1);
        assertThat(delays).containsExactly(70 * MS);

        now.addAndGet(60 * MS);
        scheduled.get(0).run();
        assertThat(wakes).hasValue(2);
    }

    @Test
    void aCommitWhileTheScheduledWakeRunsGetsAWakeOfItsOwn() {
        throttle.committed();
        now.addAndGet(10 * MS);
        throttle.committed();
        now.addAndGet(90 * MS);
        scheduled.get(0).run();

        throttle.committed();

        assertThat(wakes).hasValue(2);
        assertThat(delays).containsExactly(90 * MS, 100 * MS);
    }

    @Test
    void aCommitAfterAQuietSpellWakesAtOnceAgain() {
        throttle.committed();
        now.addAndGet(250 * MS);

        throttle.committed();

        assertThat(wakes).hasValue(2);
        assertThat(scheduled).isEmpty();
    }
}
