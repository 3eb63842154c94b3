package dk.greatercph.ope.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, except that commits in this process wake the streaming processors through a
 * {@link WakeThrottle}: a commit after a quiet spell at once, then at most once per interval while commits keep coming.
 * <p>
 * Axon wakes every processor at every commit. At a few hundred commands a second each of the projections then
 * handles one or two events per transaction and pays a transaction's begin, token update and commit for them. Woken
 * once per interval, each projection reads what was committed meanwhile and applies it in one transaction. The price
 * is up to that interval more, under load, before a view shows a write; readers that must see their write wait for
 * its version, as before. Events committed by other processes are found by Axon's polling, unchanged. After
 * shut-down, commits wake at once.
 */
final class CoalescingEmbeddedEventStore extends EmbeddedEventStore {

    private final long intervalNanos;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });
    private final WakeThrottle throttle;

    CoalescingEmbeddedEventStore(Builder builder, Duration interval) {
        super(builder);
        this.intervalNanos = interval.toNanos();
        this.throttle = new WakeThrottle(intervalNanos, this::schedule, System::nanoTime, this::wakeProcessors);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (intervalNanos == 0) {
            super.afterCommit(events);
        } else {
            throttle.committed();
        }
    }

    /** What Axon does after every commit: the producer reads the new events and hands them to the processors. */
    private void wakeProcessors() {
        super.afterCommit(List.of());
    }

    private void schedule(Runnable wake, long delayNanos) {
        try {
            waker.schedule(wake, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            wake.run();
        }
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }
}
