package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.Lifecycle;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Times an operator's command on a delegation it is not assigned to against the same command on a delegation id
 * that does not exist, and prints both medians: they should be alike, since both are refused after one lookup.
 * The delegation has many events (routed to chc and copcap, who add programme items), so loading it would show.
 * <p>
 * Arguments: programme items on the delegation (default 60), requests of each kind (default 500).
 */
public final class OperatorRefusalBenchmark {

    private static final String COMPLETION = "{\"summary\":\"Probe\",\"investmentLeads\":0}";

    private OperatorRefusalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        try (ConfigurableApplicationContext app = BenchmarkApplication.embedded()) {
            int port = BenchmarkApplication.port(app);
            Lifecycle lifecycle = new Lifecycle(new Api(port));
            String delegation = lifecycle.accepted("Benchmark " + UUID.randomUUID());
            String venue = lifecycle.venue();
            for (int i = 0; i < items; i++) {
                lifecycle.item(lifecycle.as("chc"), delegation, "MEETING", venue, null,
                        "2027-09-07T10:00:00+02:00", "2027-09-07T11:00:00+02:00");
            }
            Api woco = new Api(port).as("woco");
            List<Long> notAssigned = new ArrayList<>();
            List<Long> notExisting = new ArrayList<>();
            for (int i = 0; i < rounds + 50; i++) {
                long a = time(woco, "/api/delegations/" + delegation + "/completion");
                long b = time(woco, "/api/delegations/DEL-" + UUID.randomUUID() + "/completion");
                if (i >= 50) {
                    notAssigned.add(a);
                    notExisting.add(b);
                }
            }
            System.out.printf("woco POST completion, %d requests each, delegation with %d events:%n", rounds,
                    lifecycle.events(delegation).size());
            System.out.printf("  not assigned: median %.2f ms%n", median(notAssigned));
            System.out.printf("  not existing: median %.2f ms%n", median(notExisting));
        }
        System.exit(0); // Axon's janitor thread is not a daemon: without this the program never ends
    }

    private static long time(Api api, String path) {
        long start = System.nanoTime();
        Api.Response response = api.post(path, COMPLETION);
        long took = System.nanoTime() - start;
        if (response.status() != 404) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
        return took;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
