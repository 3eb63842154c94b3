package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The capacity window sums what was added in the last 60 whole ten-second slots, as a list of every measurement would. */
class BusyWindowTest {

    private record Added(long slot, long nanos) {
    }

    @Test
    void whatWasAddedInTheLastTenMinutesIsCountedAndNothingOlder() {
        MockClock clock = new MockClock();
        clock.add(123_456_789, TimeUnit.NANOSECONDS);
        BusyWindow window = new BusyWindow(clock);
        List<Added> added = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(37);

        for (int step = 0; step < 20_000; step++) {
            if (random.nextInt(4) == 0) {
                // sometimes a long quiet spell, longer than the window
                clock.add(random.nextInt(50) == 0 ? 700_000 : random.nextInt(3_000), TimeUnit.MILLISECONDS);
            }
            long nanos = random.nextLong(5_000_000);
            window.add(nanos);
            added.add(new Added(Math.floorDiv(clock.monotonicTime(), 10_000_000_000L), nanos));
            if (step % 97 == 0) {
                long now = Math.floorDiv(clock.monotonicTime(), 10_000_000_000L);
                long expected = added.stream().filter(a -> a.slot() > now - 60).mapToLong(Added::nanos).sum();
                assertThat(window.busyNanos()).as("step %d", step).isEqualTo(expected);
            }
        }
    }

    @Test
    void aSlotStartsAgainWhenItsTimeComesRoundOnceMore() {
        MockClock clock = new MockClock();
        BusyWindow window = new BusyWindow(clock);
        window.add(7);
        clock.add(599, TimeUnit.SECONDS);
        window.add(5);
        assertThat(window.busyNanos()).isEqualTo(12);

        clock.add(1, TimeUnit.SECONDS); // the first slot's ten seconds are due again
        assertThat(window.busyNanos()).isEqualTo(5);
        window.add(3);
        assertThat(window.busyNanos()).isEqualTo(8);

        clock.add(600, TimeUnit.SECONDS);
        assertThat(window.busyNanos()).isZero();
    }
}
