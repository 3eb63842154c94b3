package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.processing.BackgroundThreads;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parallel replay's reader and workers, on Axon's in-memory event store: every sequence is handled by one worker
 * in its own order, in transactions of at most the batch size, up to the target and no further; the first failure
 * stops the run and is thrown.
 */
class ParallelReplayRunTest {

    private static final int AGGREGATES = 40;
    private static final int STEPS = 25;

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final Recorder recorder = new Recorder();
    private final CountingTransactions transactions = new CountingTransactions();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void everySequenceIsHandledByOneWorkerInItsOrderInBatchesUpToTheTargetOnly() throws Exception {
        long target = interleavedHistory() - 1;
        store.publish(new GenericDomainEventMessage<>("Test", "after-the-target", 0, new Step("after-the-target")));

        TrackingToken last = run(3, 7, target).run();

        assertThat(last.position()).hasValue(target);
        assertThat(recorder.seen.keySet()).hasSize(AGGREGATES).doesNotContain("after-the-target");
        List<Long> inOrder = new ArrayList<>();
        for (long step = 0; step < STEPS; step++) {
            inOrder.add(step);
        }
        assertThat(recorder.seen).allSatisfy((aggregate, steps) -> assertThat(steps).as(aggregate).isEqualTo(inOrder));
        assertThat(recorder.threads).allSatisfy((aggregate, threads) -> assertThat(threads).as(aggregate).hasSize(1));
        assertThat(recorder.threads.values().stream().flatMap(Set::stream).distinct()).hasSize(3);
        assertThat(recorder.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 7));
        assertThat(transactions.committed.get()).isEqualTo(recorder.batchSizes.size())
                .isGreaterThanOrEqualTo(AGGREGATES * STEPS / 7);
    }

    @Test
    void theWorkersRunAtTheNiceValueOfBackgroundWorkAndKeepTheirNames() throws Exception {
        long target = interleavedHistory() - 1;

        run(2, 10, target, 10).run();

        assertThat(recorder.nice).containsExactly(10);
        assertThat(recorder.threads.values().stream().flatMap(Set::stream).distinct())
                .containsExactlyInAnyOrder("replay-test-0", "replay-test-1");
    }

    @Test
    void theFirstFailureStopsTheRunAndIsThrown() {
        long target = interleavedHistory() - 1;
        recorder.failOn = "aggregate-3";

        ParallelReplayRun run = run(2, 10, target);

        assertThatThrownBy(run::run).hasMessageContaining("refused aggregate-3");
        assertThat(transactions.rolledBack.get()).isPositive();
        assertThat(run.done()).isLessThan(AGGREGATES * STEPS + 1);
    }

    @Test
    void onlyAMarkedProjectionWithoutHandlersThatMustKnowOfTheReplayRunsInParallel() {
        assertThat(ParallelReplays.replaysInParallel(Marked.class)).isTrue();
        assertThat(ParallelReplays.replaysInParallel(Recorder.class)).as("not marked").isFalse();
        assertThat(ParallelReplays.replaysInParallel(MarkedWithASideEffect.class)).isFalse();
        assertThat(ParallelReplays.replaysInParallel(MarkedAskingWhetherItIsAReplay.class)).isFalse();
    }

    @ParallelReplay
    static final class Marked {
        @EventHandler
        void on(Step step) {
        }
    }

    @ParallelReplay
    static final class MarkedWithASideEffect {
        @EventHandler
        void on(Step step) {
        }

        @EventHandler
        @DisallowReplay
        void on(String mail) {
        }
    }

    @ParallelReplay
    static final class MarkedAskingWhetherItIsAReplay {
        @EventHandler
        void on(Step step, ReplayStatus replay) {
        }
    }

    /** Appends {@link #STEPS} events of each of {@link #AGGREGATES} aggregates, interleaved, and an ignored event. */
    private long interleavedHistory() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
                events.add(new GenericDomainEventMessage<>("Test", "aggregate-" + aggregate, step,
                        new Step("aggregate-" + aggregate)));
            }
        }
        events.add(new GenericDomainEventMessage<>("Other", "other", 0, "not handled"));
        store.publish(events);
        return events.size();
    }

    private ParallelReplayRun run(int workers, int batchSize, long target) {
        return run(workers, batchSize, target, 0);
    }

    private ParallelReplayRun run(int workers, int batchSize, long target, int nice) {
        return new ParallelReplayRun("test", List.of(new AnnotationEventHandlerAdapter(recorder)),
                SequentialPerAggregatePolicy.instance(), store, transactions, () -> { }, workers, batchSize, target,
                nice);
    }

    record Step(String aggregate) {
    }

    static final class Recorder {
        final Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        final Map<String, Set<String>> threads = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final Set<Integer> nice = ConcurrentHashMap.newKeySet();
        volatile String failOn;

        @EventHandler
        void on(Step step, @SequenceNumber long sequence) {
            if (step.aggregate().equals(failOn) && sequence == 5) {
                throw new IllegalStateException("refused " + step.aggregate());
            }
            seen.computeIfAbsent(step.aggregate(), key -> Collections.synchronizedList(new ArrayList<>())).add(sequence);
            threads.computeIfAbsent(step.aggregate(), key -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName());
            try {
                nice.add(BackgroundThreads.niceOf(Path.of("/proc/thread-self")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BatchingUnitOfWork<?> batch = (BatchingUnitOfWork<?>) CurrentUnitOfWork.get();
            if (batch.isFirstMessage()) {
                batchSizes.add(batch.getMessages().size());
            }
        }
    }

    static final class CountingTransactions implements TransactionManager {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        public Transaction startTransaction() {
            return new Transaction() {
                @Override
                public void commit() {
                    committed.incrementAndGet();
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                }
            };
        }
    }
}
