package dk.greatercph.ope.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store, except that a commit in this process wakes the streaming processors not at once but
 * after a short delay, once for every commit made in that time.
 * <p>
 * Axon wakes every processor at every commit. At a few hundred commands a second each of the projections then
 * handles one or two events per transaction and pays a transaction's begin, token update and commit for them. Woken
 * once per delay, each projection reads what was committed meanwhile and applies it in one transaction: on two
 * cores, with 20 ms, registrations rose from about 220 to about 270 a second (docs/performance.md). The price is up to
 * that delay more before a view shows a write; readers that must see their write wait for its version, as before.
 * Events committed by other processes are found by Axon's polling, unchanged. After shut-down, commits wake at once.
 */
final class CoalescingEmbeddedEventStore extends EmbeddedEventStore {

    private final long delayNanos;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });

    CoalescingEmbeddedEventStore(Builder builder, Duration delay) {
        super(builder);
        this.delayNanos = delay.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (delayNanos == 0) {
            super.afterCommit(events);
        } else if (wakePending.compareAndSet(false, true)) {
            try {
                // Cleared before waking, so that a commit made while the processors read gets a wake of its own.
                waker.schedule(() -> {
                    wakePending.set(false);
                    super.afterCommit(events);
                }, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                wakePending.set(false);
                super.afterCommit(events);
            }
        }
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }
}
