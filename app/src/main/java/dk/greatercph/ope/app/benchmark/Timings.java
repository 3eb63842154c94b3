package dk.greatercph.ope.app.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs work from several threads, timing every call; percentiles of what was timed. */
final class Timings {

    private final List<Long> nanos;
    final double seconds;

    private Timings(List<Long> nanos, double seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        this.nanos = sorted;
        this.seconds = seconds;
    }

    /** Calls {@code work} with 0..total-1, from {@code threads} threads, each call timed; progress every tenth. */
    static Timings run(String what, int total, int threads, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, total / 10);
        long started = System.nanoTime();
        try {
            List<Future<List<Long>>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<Long> own = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        work.accept(i);
                        own.add(System.nanoTime() - start);
                        int finished = done.incrementAndGet();
                        if (what != null && finished % step == 0) {
                            Benchmark.progress("%s: %,d of %,d", what, finished, total);
                        }
                    }
                    return own;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                all.addAll(worker.get());
            }
            return new Timings(all, (System.nanoTime() - started) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    double perSecond() {
        return nanos.size() / seconds;
    }

    /** The percentile in milliseconds (nearest rank). */
    double millis(double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * nanos.size());
        return nanos.get(Math.max(0, Math.min(nanos.size() - 1, rank - 1))) / 1e6;
    }
}
