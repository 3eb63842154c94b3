package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.Requests;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers delegations over HTTP from several clients at once against the real application on its embedded
 * PostgreSQL, and prints throughput, latency percentiles and how long the desk's board took to catch up.
 * Every append takes the commit-order lock, so this measures the price of that design.
 * <p>
 * Arguments: total registrations (default 2000), concurrent clients (default 8).
 */
public final class RegistrationBenchmark {

    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (ConfigurableApplicationContext app = BenchmarkApplication.embedded()) {
            int port = BenchmarkApplication.port(app);
            Api desk = new Api(port).as("desk");
            run(desk, 200, clients);
            long started = System.nanoTime();
            List<Long> latencies = run(desk, total, clients);
            double seconds = (System.nanoTime() - started) / 1e9;
            String last = desk.post("/api/delegations", Requests.delegation("Benchmark last")).json().get("id").asString();
            long posted = System.nanoTime();
            desk.getUntil("/api/delegations/" + last, r -> r.status() == 200, Duration.ofSeconds(60));
            double catchUpMs = (System.nanoTime() - posted) / 1e6;
            Collections.sort(latencies);
            System.out.printf("registrations: %d by %d clients in %.2f s = %.0f per second%n", total, clients, seconds,
                    total / seconds);
            System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
            System.out.printf("board caught up with the last registration after %.0f ms%n", catchUpMs);
        }
        System.exit(0); // Axon's janitor thread is not a daemon: without this the program never ends
    }

    private static List<Long> run(Api desk, int total, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                String body = Requests.delegation("Benchmark " + i);
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    Api.Response response = desk.post("/api/delegations", body);
                    if (response.status() != 201) {
                        throw new IllegalStateException("registration answered " + response.status() + ": " + response.body());
                    }
                    return System.nanoTime() - start;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> future : futures) {
                latencies.add(future.get());
            }
            return latencies;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
