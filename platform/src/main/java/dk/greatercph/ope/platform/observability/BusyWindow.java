package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Clock;

import java.util.Arrays;

/**
 * Time spent handling events over the last ten minutes, kept in one slot per second: what axon-micrometer's
 * {@code SlidingTimeWindowReservoir} gives its capacity gauge, without keeping every measurement.
 * <p>
 * That reservoir keeps each event's time in a skip list for ten minutes, for every processor and every event it
 * sees, ignored ones included: after eight projections replayed 100,000 events, 800,000 entries (about 54 MB of a
 * 256 MB heap, {@code jmap -histo:live}), and inserting them was about 5 % of the processors' CPU in a profile. Here
 * a second's times are summed as they come; the window is the last 600 whole seconds, so it starts up to a second
 * later than the reservoir's, a difference of at most a sixth of a percent of the window.
 */
final class BusyWindow {

    static final int SECONDS = 600;

    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final long[] busy = new long[SECONDS];

    BusyWindow(Clock clock) {
        this.clock = clock;
        Arrays.fill(second, Long.MIN_VALUE);
    }

    /** Adds {@code nanos} of handling to the current second. */
    synchronized void add(long nanos) {
        long now = now();
        int slot = (int) Math.floorMod(now, (long) SECONDS);
        if (second[slot] != now) {
            second[slot] = now;
            busy[slot] = 0;
        }
        busy[slot] += nanos;
    }

    /** The handling time added in the last {@value #SECONDS} seconds, in nanoseconds. */
    synchronized long busyNanos() {
        long now = now();
        long sum = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (second[slot] > now - SECONDS && second[slot] <= now) {
                sum += busy[slot];
            }
        }
        return sum;
    }

    private long now() {
        return Math.floorDiv(clock.monotonicTime(), 1_000_000_000L);
    }
}
