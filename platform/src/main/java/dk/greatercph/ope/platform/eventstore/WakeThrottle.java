package dk.greatercph.ope.platform.eventstore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * When the streaming processors are woken after commits: at once for a commit that comes after a quiet spell, then at
 * most once per {@code interval} while commits keep coming, each wake reading everything committed before it.
 * <p>
 * A lone command (a desk user's click) is in the views as soon as the processors have read it. Under load each
 * projection applies what was committed in the last interval in one transaction, instead of paying a transaction's
 * begin, token update and commit for every command: that per-batch cost, not the events, was most of what the
 * projections cost per registration (docs/performance.md, "This round: the reset by `TRUNCATE`, and the wake at once,
 * then once per interval").
 */
final class WakeThrottle {

    /** Runs a task after a delay, on a thread of its own. */
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private final long intervalNanos;
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final Runnable wake;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile long lastWake;
    private volatile boolean woken;

    WakeThrottle(long intervalNanos, Scheduler scheduler, LongSupplier clock, Runnable wake) {
        this.intervalNanos = intervalNanos;
        this.scheduler = scheduler;
        this.clock = clock;
        this.wake = wake;
    }

    /** After a commit: wakes the processors now, or schedules the one wake that takes this commit too. */
    void committed() {
        if (!wakePending.compareAndSet(false, true)) {
            return; // a wake is coming that reads this commit as well
        }
        long wait = woken ? lastWake + intervalNanos - clock.getAsLong() : 0;
        if (wait <= 0) {
            wakeNow();
        } else {
            scheduler.schedule(this::wakeNow, wait);
        }
    }

    private void wakeNow() {
        lastWake = clock.getAsLong();
        woken = true;
        // cleared before waking, so that a commit made while the processors read gets a wake of its own
        wakePending.set(false);
        wake.run();
    }
}
