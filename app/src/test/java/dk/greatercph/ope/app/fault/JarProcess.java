package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One built jar of this project running as its own operating-system process ({@code java -jar}), on a free
 * HTTP port, with its working directory in a folder under {@code target/} and its output captured in a file
 * there. Fault tests kill it with {@code SIGKILL}, freeze it with {@code SIGSTOP} or stop it gracefully; it is
 * always destroyed in bounded time, and a shutdown hook destroys whatever a failed test left running.
 */
final class JarProcess implements AutoCloseable {

    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "fault-process-reaper"));
    }

    /** Small heaps and a quick JIT: up to four of these share a 2-core build machine with the tests. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(240);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private volatile boolean frozen;

    private JarProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The embedded default, {@code app-*.jar}: both sides and its own PostgreSQL. */
    static Path appJar() {
        return jar("ope.fault.app-jar");
    }

    static Path commandSideJar() {
        return jar("ope.fault.command-side-jar");
    }

    static Path querySideJar() {
        return jar("ope.fault.query-side-jar");
    }

    private static Path jar(String property) {
        String location = System.getProperty(property);
        if (location == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the fault tests "
                    + "through Maven (failsafe, after package), e.g. ./mvnw -B -ntp verify");
        }
        Path jar = Path.of(location).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar at " + jar + ": package the modules first");
        }
        return jar;
    }

    /** A fresh folder {@code target/fault/<name>-<uuid>} for one test's processes, data and logs. */
    static Path workFolder(String name) {
        try {
            return Files.createDirectories(Path.of("target", "fault", name + "-" + UUID.randomUUID())
                    .toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and waits until {@code /actuator/health} is UP. */
    static JarProcess start(String name, Path jar, Path folder, List<String> args, Map<String, String> env) {
        JarProcess started = launch(name, jar, folder, args, env);
        started.awaitHealthy();
        return started;
    }

    /** Starts the jar without waiting for it (start several, then {@link #awaitHealthy()} each). */
    static JarProcess launch(String name, Path jar, Path folder, List<String> args, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        Path log = folder.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("OPE_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            STARTED.add(process);
            return new JarProcess(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the process answers UP on {@code /actuator/health}; fails with its log when it dies first. */
    void awaitHealthy() {
        Api api = new Api(port).anonymous();
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was "
                        + "healthy; its log ends:\n" + logTail());
            }
            try {
                Api.Response health = api.get("/actuator/health");
                if (health.status() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // the port opens late in the start-up
            }
            Api.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " was not healthy within " + HEALTHY_WITHIN + "; its log ends:\n"
                + logTail());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** The claim owner Axon writes into the token table for this process: {@code <pid>@<host>}. */
    boolean owns(String tokenOwner) {
        return tokenOwner != null && tokenOwner.startsWith(pid() + "@");
    }

    /** {@code kill -9}: the JVM gets no chance to clean anything up. */
    void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    /** {@code kill -STOP}: every thread of the process stands still, its sockets stay open. */
    void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** {@code kill -CONT}. */
    void thaw() {
        signal("CONT");
        frozen = false;
    }

    /** {@code SIGTERM} and a graceful shutdown; true when it exited by itself within the bound. */
    boolean stop() {
        if (frozen) {
            thaw();
        }
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(GRACEFUL_STOP)) {
            return true;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
        return false;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logFile() {
        return log;
    }

    private String logTail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    private boolean awaitExit(Duration bound) {
        try {
            boolean exited = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                STARTED.remove(process);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + port + ")";
    }
}
