package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.processing.BackgroundThreads;
import dk.greatercph.ope.platform.processing.EventHandled;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One replay of a {@link ParallelReplay} projection outside its streaming processor. One reader streams the event
 * store from its start up to the head the replay must reach and deals each event the projection handles to a worker
 * by its sequence (the processor's sequencing policy), so that one delegation's events stay together and in order.
 * Each worker runs the projection's own handlers (with the same parameter resolvers and handler enhancers as the
 * processor) on its share in batches, one unit of work and one transaction per batch, so that what a batch hands
 * over is sent when it commits, as in the processor.
 * <p>
 * Why: the processor reads, deserialises and handles a batch, then waits while PostgreSQL applies it, then reads the
 * next; half of each side's time went waiting for the other. Here the reader and the workers keep both going, and
 * the workers' transactions run side by side.
 * <p>
 * Nothing is parked here: the first failure stops every worker and is thrown, and the caller replays the projection
 * by its processor instead, which parks what fails as usual.
 */
final class ParallelReplayRun {

    private static final int QUEUED_BATCHES = 4;
    private static final long NO_EVENT_LIMIT_MILLIS = 60_000;

    private final String name;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TransactionManager transactions;
    private final Runnable keepClaim;
    private final int workers;
    private final int batchSize;
    private final long target;
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Whether the projection handles a payload type, found once per type (the reader's thread only). */
    private final Map<Class<?>, Boolean> handledTypes = new HashMap<>();
    private final int nice;
    private volatile boolean stopped;

    /**
     * @param keepClaim renews this process's claim on the projection's tokens while the replay runs
     * @param batchSize events a worker handles in one transaction at most
     * @param target    the position of the last event to replay
     * @param nice      the nice value the workers' threads lower themselves to ({@code ope.processing.nice})
     */
    ParallelReplayRun(String name, List<AnnotationEventHandlerAdapter> handlers,
                      SequencingPolicy<? super EventMessage<?>> sequencing,
                      StreamableMessageSource<TrackedEventMessage<?>> source, TransactionManager transactions,
                      Runnable keepClaim, int workers, int batchSize, long target, int nice) {
        this.name = name;
        this.handlers = List.copyOf(handlers);
        this.sequencing = sequencing;
        this.source = source;
        this.transactions = transactions;
        this.keepClaim = keepClaim;
        this.workers = Math.max(1, workers);
        this.batchSize = Math.max(1, batchSize);
        this.target = target;
        this.nice = nice;
    }

    /** Events read so far whose handling is committed, or which the projection does not handle. */
    long done() {
        return done.get();
    }

    /** Stops the workers and the reader at their next batch or event; {@link #run} then throws. */
    void stop() {
        stopped = true;
    }

    /**
     * Replays every event up to the target.
     *
     * @return the token of the last event read, for the processor to go on from
     * @throws Exception the first failure of a worker or of the reader; what the committed batches wrote stays
     */
    TrackingToken run() throws Exception {
        List<BlockingQueue<List<TrackedEventMessage<?>>>> queues = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            BlockingQueue<List<TrackedEventMessage<?>>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
            queues.add(queue);
            Thread thread = BackgroundThreads.daemon("replay-" + name + "-" + i, nice, () -> work(queue));
            threads.add(thread);
            thread.start();
        }
        TrackingToken last = null;
        try {
            last = read(queues);
        } catch (Throwable e) {
            fail(e);
        } finally {
            for (BlockingQueue<List<TrackedEventMessage<?>>> queue : queues) {
                offer(queue, List.of());
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        Throwable failed = failure.get();
        if (failed instanceof Exception exception) {
            throw exception;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return last;
    }

    private TrackingToken read(List<BlockingQueue<List<TrackedEventMessage<?>>>> queues) throws Exception {
        List<List<TrackedEventMessage<?>>> batches = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            batches.add(new ArrayList<>(batchSize));
        }
        TrackingToken last = null;
        long lastClaim = System.nanoTime();
        long lastEvent = System.nanoTime();
        int next = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = source.openStream(null)) {
            while (failure.get() == null) {
                if (stopped) {
                    throw new InterruptedException("the replay of " + name + " was stopped");
                }
                if (System.nanoTime() - lastClaim > TimeUnit.SECONDS.toNanos(2)) {
                    keepClaim.run();
                    lastClaim = System.nanoTime();
                }
                if (!events.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - lastEvent > TimeUnit.MILLISECONDS.toNanos(NO_EVENT_LIMIT_MILLIS)) {
                        throw new IllegalStateException("the event store gave no event for "
                                + NO_EVENT_LIMIT_MILLIS / 1000 + " s before position " + target);
                    }
                    continue;
                }
                lastEvent = System.nanoTime();
                TrackedEventMessage<?> event = events.nextAvailable();
                long position = event.trackingToken().position().orElseThrow();
                if (position > target) {
                    break;
                }
                last = event.trackingToken();
                if (handled(event)) {
                    Object sequence = sequencing.getSequenceIdentifierFor(event);
                    int worker = sequence == null ? next++ % workers : Math.floorMod(sequence.hashCode(), workers);
                    List<TrackedEventMessage<?>> batch = batches.get(worker);
                    batch.add(event);
                    if (batch.size() >= batchSize) {
                        offer(queues.get(worker), batch);
                        batches.set(worker, new ArrayList<>(batchSize));
                    }
                } else {
                    done.incrementAndGet();
                }
                if (position >= target) {
                    break;
                }
            }
        }
        for (int i = 0; i < workers; i++) {
            if (!batches.get(i).isEmpty()) {
                offer(queues.get(i), batches.get(i));
            }
        }
        return last;
    }

    /**
     * Whether the projection handles the event's payload type. Asked for every event, Axon's answer walked the
     * projection's handlers each time: 7 % of the replay's threads (docs/performance.md, "The folded rows by COPY").
     */
    private boolean handled(EventMessage<?> event) {
        return handledTypes.computeIfAbsent(event.getPayloadType(), type -> {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandleType(type)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Puts a batch (or the empty end mark) in a worker's queue, giving up once a worker has failed. */
    private void offer(BlockingQueue<List<TrackedEventMessage<?>>> queue, List<TrackedEventMessage<?>> batch)
            throws InterruptedException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null && !batch.isEmpty()) {
                return;
            }
            if (failure.get() != null) {
                queue.clear();
            }
        }
    }

    private void work(BlockingQueue<List<TrackedEventMessage<?>>> queue) {
        try {
            while (true) {
                List<TrackedEventMessage<?>> batch = queue.take();
                if (batch.isEmpty()) {
                    return;
                }
                if (failure.get() == null && !stopped) {
                    handle(batch);
                    done.addAndGet(batch.size());
                }
            }
        } catch (Throwable e) {
            fail(e);
        }
    }

    private void handle(List<TrackedEventMessage<?>> batch) throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            // each adapter finds the handler for the event itself, and does nothing when it has none: asking it
            // first whether it can handle the event walked its handlers twice
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(event);
            }
            return EventHandled.RESULT;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        }
    }

    private void fail(Throwable e) {
        if (!failure.compareAndSet(null, e) && failure.get() != e) {
            failure.get().addSuppressed(e);
        }
    }
}
