package dk.greatercph.ope.app.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application as a user starts it: {@code java <documented options> -jar app.jar} in its own process, on a
 * fresh data folder and free ports. Measures the time from launching the process to the first healthy answer, and
 * reads the process's resident memory from {@code /proc}.
 */
final class StartedJar implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    /** A warning or an error in the application's log, JSON (the default) or plain text. */
    private static final Pattern WARNING = Pattern.compile("\"level\":\"(WARN|ERROR)\"| (WARN|ERROR) ");

    final int httpPort;
    final int postgresPort;
    final double secondsToHealthy;
    final boolean archived;
    final Path folder;
    private final Process process;

    private StartedJar(Process process, int httpPort, int postgresPort, double secondsToHealthy, boolean archived,
                       Path folder) {
        this.process = process;
        this.archived = archived;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.secondsToHealthy = secondsToHealthy;
        this.folder = folder;
    }

    static StartedJar start(Path jar, List<String> jvmOptions, Path folder) throws IOException, InterruptedException {
        int httpPort = freePort();
        int postgresPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        // as the README's run command: the extracted jar with the build's class-data archive, where they exist
        boolean archived = false;
        Path extracted = Files.exists(jar.resolveSibling("app.jsa")) ? jar
                : jar.resolveSibling("extracted").resolve(jar.getFileName());
        if (Files.exists(extracted) && Files.exists(extracted.resolveSibling("app.jsa"))) {
            jar = extracted;
            if (archiveMatches(command.get(0), extracted.resolveSibling("app.jsa"), extracted)) {
                command.add("-XX:SharedArchiveFile=" + extracted.resolveSibling("app.jsa"));
                archived = true;
            } else {
                Benchmark.progress("the class-data archive %s does not match %s (copied or rebuilt since?): the jar"
                        + " starts without it, slower than the README's command on its own build",
                        extracted.resolveSibling("app.jsa"), extracted);
            }
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort,
                "--ope.embedded-postgres.port=" + postgresPort,
                "--ope.embedded-postgres.data-dir=" + folder.resolve("postgres")));
        Path log = folder.resolve("application.log");
        Files.createDirectories(folder);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = launched + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                // the data folder and its log are removed when the benchmark ends: carry the cause out with it
                throw new IllegalStateException("The application stopped while starting (exit " + process.exitValue()
                        + "); its warnings and errors (" + log + "):\n" + tail(log, 8));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = (System.nanoTime() - launched) / 1e9;
                    return new StartedJar(process, httpPort, postgresPort, seconds, archived, folder);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("The application was not healthy within " + START_LIMIT + "; its warnings and"
                + " errors (" + log + "):\n" + tail(log, 8));
    }

    /**
     * What a failed start's log says: its last warnings and errors, each cut to 1,500 characters (a JSON line carries a
     * whole stack trace after its message), or its last lines where it has none.
     */
    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            List<String> warnings = all.stream().filter(line -> WARNING.matcher(line).find()).toList();
            List<String> shown = warnings.isEmpty() ? all : warnings;
            int cut = warnings.isEmpty() ? 500 : 1_500;
            return shown.subList(Math.max(0, shown.size() - lines), shown.size()).stream()
                    .map(line -> line.length() > cut ? line.substring(0, cut) + " …" : line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read it: " + e + ")";
        }
    }

    /**
     * Whether the JVM can use the archive with this jar. It records each class-path entry's path, size and time; a
     * copied or rebuilt jar does not match, and the JVM then ignores the archive without a word. {@code -Xshare:on}
     * refuses to start instead, which this asks of a JVM that only prints its version.
     */
    private static boolean archiveMatches(String java, Path archive, Path jar) throws IOException, InterruptedException {
        Process check = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp",
                jar.toString(), "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!check.waitFor(60, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            return false;
        }
        return check.exitValue() == 0;
    }

    /** The process's resident set size in MB ({@code VmRSS}), or -1 where {@code /proc} does not exist. */
    double residentMegabytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
