package dk.greatercph.ope.platform.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server running from the embedded binaries, with its cluster in a folder that survives
 * restarts. Every commit it acknowledges is on disk ({@code synchronous_commit = on}, {@code fsync = on}).
 * It is supervised: when its postmaster dies, it is started again on the same folder and port, so the
 * datasource reconnects by itself. Closed after everything that uses the datasource has been closed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The lock file the embedded PostgreSQL library holds in the data folder while its cluster runs. */
    static final String LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(1);
    /** How long an orphaned postmaster is given to stop after a fast-shutdown request before it is killed. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);

    /**
     * The collation and character classes a new cluster's databases get: PostgreSQL's own {@code C.UTF-8} (the
     * {@code builtin} provider, PostgreSQL 17), which orders text by code point and knows Unicode's upper and lower
     * case. Left to initdb, the cluster took the C library's locale from the environment ({@code LANG}), so text sorted
     * differently from machine to machine, and an upgrade of the C library could change the order of an index's keys.
     * Comparing by code point also spares every text comparison the C library's {@code strcoll}
     * (docs/performance.md, "The cluster's collation").
     */
    static final String BUILTIN_LOCALE = "C.UTF-8";

    private final Path dataDir;
    private final int port;
    private final Map<String, String> serverConfig;
    private final Object lock = new Object();
    private final Thread supervisor;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path dataDir, int port, Map<String, String> serverConfig) throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = serverConfig;
        this.postgres = launch();
        this.supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
        this.supervisor.setDaemon(true);
        this.supervisor.start();
    }

    /** Starts (and, the first time, initialises) the cluster in {@code dataDir}; {@code port} 0 picks a free one. */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts the cluster with extra server settings on top of the durable defaults; tests use it to start a
     * PostgreSQL that acknowledges commits before they are durable.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Map<String, String> extraServerConfig) {
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            refuseIfInUse(dir);
            retireOrphanedPostmaster(dir);
            int actualPort = port == 0 ? freePort() : port;
            Map<String, String> config = new LinkedHashMap<>();
            config.put("max_connections", "200");
            config.put("fsync", "on");
            config.put("synchronous_commit", "on");
            // the server's log reaches the application's; a refused row's DETAIL quotes the row (personal data)
            config.put("log_error_verbosity", "terse");
            config.putAll(extraServerConfig);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, actualPort, Map.copyOf(config));
            log.info("Embedded PostgreSQL listening on port {} with its data in {}", actualPort, dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return port;
    }

    /** The folder holding the cluster. */
    public Path dataDir() {
        return dataDir;
    }

    /** The process id of the running postmaster, as its {@code postmaster.pid} names it. */
    public OptionalLong postmasterPid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? OptionalLong.empty()
                    : parsePid(lines.get(0)).map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            supervisor.interrupt();
            postgres.close();
        }
    }

    private EmbeddedPostgres launch() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // only initdb reads these: a cluster made before keeps the collation it was made with
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", BUILTIN_LOCALE);
        serverConfig.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** Waits for the postmaster to die and starts it again, until the server is closed. */
    private void supervise() {
        while (!closed) {
            try {
                Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
                if (postmaster.isPresent()) {
                    postmaster.get().onExit().get();
                }
                if (closed) {
                    return;
                }
                restartAfterDeath(postmaster.map(ProcessHandle::pid).orElse(-1L));
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.error("Supervising the embedded PostgreSQL failed; trying again", e);
                sleep(RESTART_BACKOFF);
            }
        }
    }

    private void restartAfterDeath(long pid) throws InterruptedException {
        log.error("The embedded PostgreSQL postmaster (pid {}) on {} died; restarting it on port {}", pid, dataDir, port);
        while (!closed) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closeDead(postgres);
                try {
                    retireOrphanedPostmaster(dataDir);
                    postgres = launch();
                    log.warn("The embedded PostgreSQL on {} is running again (pid {})", dataDir,
                            postmasterPid().orElse(-1));
                    return;
                } catch (Exception e) {
                    log.warn("Restarting the embedded PostgreSQL on {} failed ({}); trying again in {}", dataDir,
                            causes(e), RESTART_BACKOFF);
                }
            }
            Thread.sleep(RESTART_BACKOFF.toMillis());
        }
    }

    /**
     * Releases what the library holds for a postmaster that has died (its data folder's lock). The library stops the
     * server first, which fails for a dead one and is logged by the library as an ERROR with a stack trace ("Could not
     * stop postmaster"), once per restart, beside this class's own line saying what happened: an alert on ERROR fired
     * twice. That one failure is expected here, so the library's logger is quiet for the call.
     */
    private static void closeDead(EmbeddedPostgres dead) {
        org.slf4j.Logger library = LoggerFactory.getLogger(EmbeddedPostgres.class);
        ch.qos.logback.classic.Logger quiet = library instanceof ch.qos.logback.classic.Logger logback ? logback : null;
        ch.qos.logback.classic.Level level = quiet == null ? null : quiet.getLevel();
        if (quiet != null) {
            quiet.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        try {
            dead.close();
        } catch (IOException e) {
            log.debug("Closing the dead embedded PostgreSQL", e);
        } finally {
            if (quiet != null) {
                quiet.setLevel(level);
            }
        }
    }

    /**
     * Each cause's type and message: the library's own failure often has no message of its own, and the log said
     * "failed (null)" through minutes of a PostgreSQL that could not start for want of disk space.
     */
    static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause() == cause ? null
                : cause.getCause(), depth++) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> servesFolder(p, dataDir));
    }

    /**
     * True if the process was started on {@code dataDir} ({@code -D} among its arguments). A stale
     * {@code postmaster.pid} (after a power loss) may name a process id the system has given to another PostgreSQL
     * since, another application's or the system's own: taken for an orphan, it was stopped. A process whose
     * arguments cannot be read is not ours to stop.
     */
    static boolean servesFolder(ProcessHandle process, Path dataDir) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        Set<String> folder = new HashSet<>();
        folder.add(dataDir.toAbsolutePath().normalize().toString());
        try {
            folder.add(dataDir.toRealPath().toString());
        } catch (IOException e) {
            // the absolute path alone
        }
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (argument.equals("-D") && i + 1 < arguments.length && folder.contains(trimmed(arguments[i + 1]))
                    || argument.startsWith("-D") && folder.contains(trimmed(argument.substring(2)))) {
                return true;
            }
        }
        if (arguments.length > 0) {
            log.warn("{} names process {}, a PostgreSQL not started on this folder; left alone",
                    dataDir.resolve("postmaster.pid"), process.pid());
        }
        return false;
    }

    private static String trimmed(String path) {
        String plain = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Path.of(plain).toAbsolutePath().normalize().toString();
    }

    /**
     * A running application holds its data folder's lock ({@code epg-lock}, taken by the embedded PostgreSQL
     * library for as long as it runs): a second start on the same folder is refused here, before it would take that
     * application's postmaster for an orphan and stop it (the running one lost its database for a few seconds and
     * the second start failed on the lock only afterwards).
     */
    private static void refuseIfInUse(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean free;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            free = lock != null;
            if (free) {
                lock.release();
            }
        } catch (OverlappingFileLockException heldHere) {
            free = false;
        }
        if (!free) {
            throw new IOException("the data folder " + dataDir + " is in use by another running application (it "
                    + "holds " + lockFile + "); stop that one first, or give this one a folder of its own "
                    + "(ope.embedded-postgres.data-dir)");
        }
    }

    /**
     * A JVM killed with {@code kill -9} leaves its postmaster running on the data folder. Stop it (fast
     * shutdown) before starting a new one, or the new start fails on the data folder's lock and port. A frozen one
     * (stopped by SIGSTOP, with its backends) heeds no signal until it is continued: it is continued first, and
     * killed, with its backends, when it has not stopped within {@link #ORPHAN_GRACE}; before, the start waited
     * 60 s and failed, saying only that PostgreSQL could not be started.
     */
    private static void retireOrphanedPostmaster(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
        if (postmaster.isEmpty()) {
            removeStalePidFile(dataDir);
            return;
        }
        ProcessHandle process = postmaster.get();
        List<ProcessHandle> backends = process.descendants().toList();
        log.warn("Stopping an orphaned PostgreSQL postmaster (pid {}) left on {}", process.pid(), dataDir);
        try {
            signal("-CONT", process, backends);
            signal("-INT", process, List.of());
            try {
                process.onExit().get(ORPHAN_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException frozen) {
                log.warn("The orphaned postmaster {} did not stop within {} s; killing it and its {} backends",
                        process.pid(), ORPHAN_GRACE.toSeconds(), backends.size());
                process.destroyForcibly();
                backends.forEach(ProcessHandle::destroyForcibly);
                process.onExit().get(10, TimeUnit.SECONDS);
                for (ProcessHandle backend : backends) {
                    backend.onExit().get(10, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new IOException("could not stop the orphaned PostgreSQL postmaster " + process.pid() + " on "
                    + dataDir + " (neither a fast shutdown nor SIGKILL ended it); stop it by hand", e);
        }
    }

    private static void signal(String signal, ProcessHandle process, List<ProcessHandle> more)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kill", signal, Long.toString(process.pid())));
        more.forEach(other -> command.add(Long.toString(other.pid())));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * A {@code postmaster.pid} naming a live process that is not a PostgreSQL on this folder is stale (the id was
     * given to another process since): PostgreSQL would refuse to start on it, so it goes. This application holds the
     * folder's lock, so no other one runs a PostgreSQL on it. A process whose arguments cannot be read leaves the
     * file in place.
     */
    private static void removeStalePidFile(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        Optional<ProcessHandle> named = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (named.isPresent() && named.get().info().arguments().map(a -> a.length > 0).orElse(false)
                && !servesFolder(named.get(), dataDir)) {
            log.warn("Removing the stale {}: its process {} is not a PostgreSQL on this folder", pidFile,
                    named.get().pid());
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
