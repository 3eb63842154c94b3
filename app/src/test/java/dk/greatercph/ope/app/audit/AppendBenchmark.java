package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.BenchmarkApplication;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends one event per transaction from several threads at once, as registrations do (commit-order lock, hash
 * chain, {@code synchronous_commit = on}), through the application's own event store on a fresh embedded
 * PostgreSQL, without HTTP; prints appends per second, latency percentiles and the CPU per append of this JVM and
 * of PostgreSQL (its processes, read from {@code /proc}: Linux only). The projections run but
 * handle none of these events. A program, not a test; same class path as {@link AuditBenchmark}.
 * <p>
 * Arguments: timed appends (default 10000), threads (default 8), untimed appends first (default 2000).
 */
public final class AppendBenchmark {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/<pid>/stat on Linux

    private AppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (ConfigurableApplicationContext app = BenchmarkApplication.embedded()) {
            EventStore eventStore = app.getBean(EventStore.class);
            TransactionManager transactions = app.getBean(TransactionManager.class);
            run(eventStore, transactions, warmUp, threads);
            ProcessHandle postgres = postmaster(app.getEnvironment().getProperty("ope.embedded-postgres.data-dir"));
            long jvmBefore = jvmCpuNanos();
            long postgresBefore = postgresCpuNanos(postgres);
            long started = System.nanoTime();
            long[] latencies = run(eventStore, transactions, appends, threads);
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvm = (jvmCpuNanos() - jvmBefore) / 1e6 / appends;
            double postgresCpu = (postgresCpuNanos(postgres) - postgresBefore) / 1e6 / appends;
            Arrays.sort(latencies);
            System.out.printf("%,d appends of one event from %d threads: %,.0f/s, p50 %.2f ms, p99 %.2f ms;"
                            + " CPU per append: this JVM %.3f ms, PostgreSQL %.3f ms%n", appends, threads,
                    appends / seconds, latencies[latencies.length / 2] / 1e6,
                    latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6, jvm, postgresCpu);
        }
        System.exit(0); // the scheduler's and the mail sender's threads would keep the JVM alive
    }

    private static long[] run(EventStore eventStore, TransactionManager transactions, int appends, int threads)
            throws Exception {
        long[] latencies = new long[appends];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < appends; n = next.getAndIncrement()) {
                        var message = GenericEventMessage.asEventMessage(new AuditTestEvent("append-benchmark", n,
                                        "an event of about the size of a registration's, for the benchmark: "
                                                + "organisation, contact, themes and wished dates"))
                                .andMetaData(MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM"));
                        long started = System.nanoTime();
                        transactions.executeInTransaction(() -> eventStore.publish(message));
                        latencies[n] = System.nanoTime() - started;
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return latencies;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The embedded PostgreSQL's main process: started by {@code pg_ctl}, so not this JVM's child. */
    private static ProcessHandle postmaster(String dataDir) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains("postgres")
                        && line.contains(dataDir)).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL on " + dataDir));
    }

    /** User and system CPU of PostgreSQL's processes, ended backends included (in the main process's). */
    private static long postgresCpuNanos(ProcessHandle postmaster) {
        long ticks = ticks(postmaster.pid(), false) + ticks(postmaster.pid(), true)
                + postmaster.descendants().mapToLong(process -> ticks(process.pid(), false)).sum();
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static long ticks(long pid, boolean endedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return endedChildren ? Long.parseLong(fields[13]) + Long.parseLong(fields[14])
                    : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // ended meanwhile, or not Linux
        }
    }
}
