package dk.greatercph.ope.platform.processing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Background threads lower their own priority as they start, through the system's renice, and nothing else does. */
class BackgroundThreadsTest {

    @Test
    void aThreadRunsItsWorkAtTheNiceValueAndKeepsItsName() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        int mine = ownNice();
        ThreadFactory threads = BackgroundThreads.around(Executors.defaultThreadFactory(), 10);

        Thread thread = threads.newThread(() -> seen.set(Thread.currentThread().getName() + " at " + ownNice()));
        thread.start();
        thread.join(10_000);

        assertThat(seen.get()).matches("pool-\\d+-thread-\\d+ at 10");
        assertThat(ownNice()).as("the thread that made it").isEqualTo(mine);
    }

    @Test
    void aProcessorsThreadIsNamedAsAxonNamesItAndRunsAtTheNiceValue() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread thread = BackgroundThreads.forProcessor("board", 7)
                .newThread(() -> seen.set(Thread.currentThread().getName() + " at " + ownNice()));
        thread.start();
        thread.join(10_000);

        assertThat(seen.get()).matches("EventProcessor\\[board]-\\d+ at 7");
    }

    @Test
    void aNamedDaemonRunsAtTheNiceValue() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread thread = BackgroundThreads.daemon("replay-board", 9,
                () -> seen.set(Thread.currentThread().getName() + " at " + ownNice()));

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getState()).isEqualTo(Thread.State.NEW);
        thread.start();
        thread.join(10_000);

        assertThat(seen.get()).isEqualTo("replay-board at 9");
    }

    @Test
    void aThreadAlreadyLowerThanTheValueStaysAsLowAsItIs() throws Exception {
        AtomicReference<Integer> inner = new AtomicReference<>();
        Thread outer = BackgroundThreads.around(Executors.defaultThreadFactory(), 12).newThread(() -> {
            Thread thread = BackgroundThreads.around(Executors.defaultThreadFactory(), 10)
                    .newThread(() -> inner.set(ownNice()));
            thread.start();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        outer.start();
        outer.join(20_000);

        assertThat(inner.get()).as("made by a thread at nice 12, it starts at 12 and is not raised").isEqualTo(12);
    }

    @Test
    void niceZeroLeavesTheThreadsAsTheyWereAndIsNotWrappedTwice() {
        ThreadFactory plain = Executors.defaultThreadFactory();
        ThreadFactory lowered = BackgroundThreads.around(plain, 10);

        assertThat(BackgroundThreads.around(plain, 0)).isSameAs(plain);
        assertThat(BackgroundThreads.around(lowered, 10)).isSameAs(lowered);
    }

    @Test
    void aNiceValueOutsideWhatTheSystemKnowsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ProcessingProperties(20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ope.processing.nice must be between 0 and 19: 20");
        assertThatThrownBy(() -> new ProcessingProperties(-1))
                .hasMessage("ope.processing.nice must be between 0 and 19: -1");
        assertThat(new ProcessingProperties(null).nice()).isEqualTo(10);
    }

    static int ownNice() {
        try {
            return BackgroundThreads.niceOf(Path.of("/proc/thread-self"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
