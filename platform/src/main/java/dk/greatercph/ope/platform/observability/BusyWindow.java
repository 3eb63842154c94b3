package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Clock;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Time spent handling events over the last ten minutes, kept in one slot per ten seconds: what axon-micrometer's
 * {@code SlidingTimeWindowReservoir} gives its capacity gauge, without keeping every measurement.
 * <p>
 * That reservoir keeps each event's time in a skip list for ten minutes, for every processor and every event it
 * sees, ignored ones included: after eight projections replayed 100,000 events, 800,000 entries (about 54 MB of a
 * 256 MB heap, {@code jmap -histo:live}), and inserting them was about 5 % of the processors' CPU in a profile. Here
 * ten seconds' times are summed as they come, in 60 slots (about 1 KB for each processor and event type); the window
 * is the last 60 whole slots, so it starts up to ten seconds later than the reservoir's, at most a sixtieth of it.
 */
final class BusyWindow {

    static final int SECONDS = 600;
    private static final int SLOTS = 60;
    private static final long SLOT_NANOS = SECONDS / SLOTS * 1_000_000_000L;

    private final Clock clock;
    private final long[] slotOf = new long[SLOTS];
    private final long[] busy = new long[SLOTS];

    BusyWindow(Clock clock) {
        this.clock = clock;
        Arrays.fill(slotOf, Long.MIN_VALUE);
    }

    /** Adds {@code nanos} of handling to the current slot. */
    synchronized void add(long nanos) {
        long now = now();
        int index = (int) Math.floorMod(now, (long) SLOTS);
        if (slotOf[index] != now) {
            slotOf[index] = now;
            busy[index] = 0;
        }
        busy[index] += nanos;
    }

    /** The handling time added in the last {@value #SECONDS} seconds (60 slots of ten), in nanoseconds. */
    synchronized long busyNanos() {
        long now = now();
        long sum = 0;
        for (int index = 0; index < SLOTS; index++) {
            if (slotOf[index] > now - SLOTS && slotOf[index] <= now) {
                sum += busy[index];
            }
        }
        return sum;
    }

    /**
     * The share of the window spent handling, as axon-micrometer's capacity gauge gives it: 1 when one thread was busy
     * all the time.
     */
    double capacity() {
        return (double) busyNanos() / TimeUnit.SECONDS.toNanos(SECONDS);
    }

    /** The number of the ten-second slot the clock is in. */
    private long now() {
        return Math.floorDiv(clock.monotonicTime(), SLOT_NANOS);
    }
}
