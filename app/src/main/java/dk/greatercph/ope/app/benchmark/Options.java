package dk.greatercph.ope.app.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's sizes. Defaults: 10,000 registrations over HTTP by 8 clients, a history of 1,000,000 events for the
 * replay and query rows, 100,000 new events for the live projections. {@code --smoke} makes everything small enough
 * for CI, where the point is that the program runs, not the numbers.
 *
 * @param delegations  registrations over HTTP (the 8-client row; the single-client row sends a tenth, at least 100)
 * @param events       events in the store for the replay and query rows (about ten per delegation)
 * @param liveEvents   new events the running projections must catch up on
 * @param clients      concurrent HTTP clients and raw JDBC connections for the registration row
 * @param queries      timed requests per query in the query row
 * @param warmUp       untimed requests per query before those (at least as many as timed): the started JVM compiles
 *                     the request path over its first two thousand or so requests; as many untimed registrations
 *                     (at most {@code delegations}) before the 8-client row, and as many untimed raw inserts
 * @param jvmOptions   the JVM options of the started application (the documented run settings)
 * @param keepData     leave the data folders in place at the end, to start the jar on them again or look into them
 */
record Options(int delegations, int events, int liveEvents, int clients, int queries, int warmUp,
               List<String> jvmOptions, boolean keepData) {

    /** The settings the README's run command uses; the cold-start and memory rows are measured with these. */
    static final List<String> DOCUMENTED_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m",
            "-Xmx256m");

    static Options parse(String[] args) {
        int delegations = 10_000;
        int events = 1_000_000;
        int liveEvents = 100_000;
        int clients = 8;
        int queries = 500;
        int warmUp = 2_000;
        List<String> jvm = DOCUMENTED_JVM_OPTIONS;
        boolean keepData = false;
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                delegations = 200;
                events = 5_000;
                liveEvents = 1_000;
                queries = 50;
                warmUp = 100;
            } else if (arg.startsWith("--delegations=")) {
                delegations = positive(arg);
            } else if (arg.startsWith("--events=")) {
                events = positive(arg);
            } else if (arg.startsWith("--live-events=")) {
                liveEvents = positive(arg);
            } else if (arg.startsWith("--clients=")) {
                clients = positive(arg);
            } else if (arg.startsWith("--queries=")) {
                queries = positive(arg);
            } else if (arg.startsWith("--warm-up=")) {
                warmUp = positive(arg);
            } else if (arg.equals("--keep-data")) {
                keepData = true;
            } else if (arg.startsWith("--jvm-options=")) {
                String value = arg.substring(arg.indexOf('=') + 1).trim();
                jvm = value.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(value.split("\\s+")));
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; known: --smoke, --delegations=N, "
                        + "--events=N, --live-events=N, --clients=N, --queries=N, --warm-up=N, --jvm-options=\"...\", "
                        + "--keep-data");
            }
        }
        return new Options(delegations, events, liveEvents, clients, queries, Math.max(warmUp, queries), List.copyOf(jvm),
                keepData);
    }

    private static int positive(String arg) {
        String name = arg.substring(0, arg.indexOf('='));
        try {
            int value = Integer.parseInt(arg.substring(arg.indexOf('=') + 1).replace("_", "").replace(",", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a positive whole number, not " + arg);
    }
}
