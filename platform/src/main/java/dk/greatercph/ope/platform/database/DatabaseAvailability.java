package dk.greatercph.ope.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the database answers right now. A probe on a connection of its own runs {@code SELECT 1} with a short
 * timeout every {@code ope.database.probe-interval}, so that requests can be refused at once while the database
 * is away instead of each one waiting for the pool and the socket to give up.
 */
public final class DatabaseAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private static final int ATTEMPTS = 2;

    private static final Pattern PORT = Pattern.compile("^jdbc:postgresql://[^/:,]+:(\\d+)");

    private final DataSource dataSource;
    private final HikariDataSource pool;
    private final DatabaseProperties properties;
    private volatile boolean available = true;
    private volatile Instant since = Instant.now();
    private volatile String problem;
    private final RepeatingTask probes;
    private Connection connection;
    private boolean stopped;

    private final java.util.function.Consumer<DatabaseAnswersAgain> answersAgain;

    DatabaseAvailability(DataSource dataSource, DatabaseProperties properties) {
        this(dataSource, properties, event -> { });
    }

    DatabaseAvailability(DataSource dataSource, DatabaseProperties properties,
                         java.util.function.Consumer<DatabaseAnswersAgain> answersAgain) {
        this.answersAgain = answersAgain;
        this.dataSource = dataSource;
        this.pool = DirectConnections.hikari(dataSource);
        this.properties = properties;
        this.probes = new RepeatingTask("database-availability-probe", properties.probeInterval(), this::probe);
    }

    /** How long readiness says writes are refused after the last refusal for want of resources. */
    static final Duration WRITES_REFUSED_SHOWN = Duration.ofSeconds(30);

    private volatile Instant writesRefusedAt;
    private volatile String writesRefused;

    /**
     * A write the database refused for want of resources (a full disk: {@link DatabaseFailures#isOutOfResources}).
     * The probe's {@code SELECT 1} still answers, so readiness said UP through a minute of failing writes; it now says
     * DOWN for {@link #WRITES_REFUSED_SHOWN} after the last such refusal.
     */
    public void writesRefused(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (writesRefusedAt == null || Duration.between(writesRefusedAt, Instant.now()).compareTo(WRITES_REFUSED_SHOWN) > 0) {
            log.error("The database refuses writes for want of resources ({}); readiness is DOWN while it does",
                    cause.getMessage());
        }
        writesRefused = cause.getMessage();
        writesRefusedAt = Instant.now();
    }

    /** The last refusal for want of resources, while it is recent; null otherwise. */
    String writesRefused() {
        Instant at = writesRefusedAt;
        return at != null && Duration.between(at, Instant.now()).compareTo(WRITES_REFUSED_SHOWN) <= 0
                ? writesRefused : null;
    }

    /** {@code true} unless the last probe found the database unreachable. */
    public boolean available() {
        return available;
    }

    Instant since() {
        return since;
    }

    String problem() {
        return problem;
    }

    Duration retryAfter() {
        return properties.retryAfter();
    }

    /**
     * Probes now; the scheduled probes call this too. A failed attempt is tried once more at once, on a fresh
     * connection, before the database counts as away, so that one slow answer on a busy machine does not
     * refuse requests.
     */
    synchronized void probe() {
        if (stopped) {
            return; // a probe that was waiting when the application stopped opens nothing
        }
        Exception failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = open();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                if (!available) {
                    poolServesAgain();
                }
                becomeAvailable();
                return;
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                failure = e;
            }
        }
        becomeUnavailable(failure);
    }

    /** The pool may still be backing off after failed attempts; serve again only once it hands out a connection. */
    private void poolServesAgain() throws SQLException {
        try (Connection pooled = dataSource.getConnection()) {
            if (!pooled.isValid((int) properties.probeTimeout().toSeconds())) {
                throw new SQLException("the pool's connection is not valid yet");
            }
        }
    }

    private void becomeAvailable() {
        if (!available) {
            Duration away = Duration.between(since, Instant.now());
            log.warn("The database answers again after {} s away; serving requests", away.toSeconds());
            since = Instant.now();
            problem = null;
            available = true;
            answersAgain.accept(new DatabaseAnswersAgain(away));
        }
    }

    private void becomeUnavailable(Exception e) {
        problem = e.getMessage();
        if (available) {
            log.error("The database does not answer ({}); refusing requests with 503 until it does", e.getMessage());
            since = Instant.now();
            available = false;
            abortConnectionsInFlight();
            evictPooledConnections();
        }
    }

    /** Requests waiting on the database that stopped answering get a connection failure (a 503) now. */
    private void abortConnectionsInFlight() {
        int port = pool == null ? -1 : portOf(pool.getJdbcUrl());
        if (port > 0) {
            int aborted = AbortableSocketFactory.abortAllTo(port);
            if (aborted > 0) {
                log.warn("Closed {} connection(s) waiting on the unreachable database", aborted);
            }
        }
    }

    private static int portOf(String jdbcUrl) {
        Matcher matcher = jdbcUrl == null ? null : PORT.matcher(jdbcUrl);
        return matcher != null && matcher.find() ? Integer.parseInt(matcher.group(1)) : 5432;
    }

    /** Connections to a database that went away are dead; the pool opens new ones when it is back. */
    private void evictPooledConnections() {
        HikariPoolMXBean connections = pool == null ? null : pool.getHikariPoolMXBean();
        if (connections != null) {
            connections.softEvictConnections();
        }
    }

    private Connection open() throws SQLException {
        return DirectConnections.open(dataSource, properties.probeTimeout(), "ope-availability-probe");
    }

    private void closeQuietly() {
        DirectConnections.closeQuietly(connection);
        connection = null;
    }

    @Override
    public void start() {
        synchronized (this) {
            stopped = false;
        }
        probes.start();
    }

    @Override
    public void stop() {
        probes.stop();
        synchronized (this) {
            stopped = true;
            closeQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return probes.isRunning();
    }
}
