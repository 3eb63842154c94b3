package dk.greatercph.ope.platform.database;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends the database sessions of the application's role that hold other sessions up while their client has gone
 * quiet in the middle of a command: inside a transaction, in a command ({@code active}) yet waiting for the client's
 * next message ({@code ClientRead}, not in a {@code COPY}) since more than {@code ope.database.stalled-session-timeout}
 * ago, with at least one other session of the role waiting on one of their locks, and found so by two checks in a
 * row with nothing sent in between. Their transaction rolls back and the locks are free.
 * <p>
 * {@code idle_in_transaction_session_timeout} does this for a client that went quiet between two commands, and
 * stays in charge of those (a session may raise it for itself). It does not for one that stopped in the middle of
 * one: the driver sends a batch in pieces of its output buffer, and between the statements of an unfinished
 * pipeline PostgreSQL waits for the next one with neither the idle nor the statement timeout running. A process
 * frozen (or cut off) there kept its token rows, and so its projections, or the commit-order lock, and so every
 * append, until it ran again. PostgreSQL's {@code transaction_timeout} would end it too, but also every long
 * transaction that works. Every node runs this check on a connection of its own outside the pool (the pool's may all
 * be waiting on the stalled session).
 * <p>
 * A session's {@code state_change} moves with every message of the pipeline, so it tells how long the client has
 * said nothing. Not covered: a client that stopped reading a large result ({@code ClientWrite}), which looks the same
 * as one reading it slowly.
 */
public final class StalledSessions implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(StalledSessions.class);

    static final String ENDED = "ope.database.stalled.sessions.ended";

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private static final String STALLED = """
            WITH stalled AS MATERIALIZED (
                SELECT pid, application_name, state_change, xact_start
                FROM pg_stat_activity
                WHERE datname = current_database()
                  AND usename = current_user
                  AND pid <> pg_backend_pid()
                  AND backend_type = 'client backend'
                  AND state = 'active'
                  AND xact_start IS NOT NULL
                  AND wait_event_type = 'Client' AND wait_event = 'ClientRead'
                  AND query !~* '^\\s*copy\\M'
                  AND state_change < clock_timestamp() - make_interval(secs => ?)
            )
            SELECT s.pid, s.application_name, count(*) AS waiting,
                   (extract(epoch FROM s.state_change) * 1000000)::bigint AS since,
                   extract(epoch FROM clock_timestamp() - s.state_change)::numeric(10, 1) AS silent,
                   extract(epoch FROM clock_timestamp() - s.xact_start)::numeric(10, 1) AS open
            FROM stalled s
            JOIN pg_stat_activity w ON w.wait_event_type = 'Lock' AND s.pid = ANY (pg_blocking_pids(w.pid))
            GROUP BY s.pid, s.application_name, s.state_change, s.xact_start
            """;

    /** Ends the session only if it still waits where it was found, having sent nothing since. */
    private static final String END = """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE pid = ? AND (extract(epoch FROM state_change) * 1000000)::bigint = ?
              AND state = 'active' AND wait_event = 'ClientRead'
            """;

    private final DataSource dataSource;
    private final DatabaseProperties properties;
    private final AtomicLong ended = new AtomicLong();
    private final RepeatingTask checks;
    private Connection connection;
    private Map<Integer, Long> seenBefore = Map.of();
    private boolean stopped;
    private boolean failing;

    StalledSessions(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.checks = new RepeatingTask("database-stalled-sessions", properties.stalledSessionCheckInterval(),
                this::check);
    }

    /**
     * Looks once, and ends the stalled sessions the look before found stalled in the same place; answers how many
     * it ended.
     */
    synchronized int endStalledSessions() throws SQLException {
        if (stopped) {
            return 0;
        }
        if (connection == null || connection.isClosed()) {
            connection = DirectConnections.open(dataSource, CHECK_TIMEOUT, "ope-stalled-session-check");
        }
        Map<Integer, Long> seen = new HashMap<>();
        int count = 0;
        try (PreparedStatement stalled = connection.prepareStatement(STALLED)) {
            stalled.setDouble(1, properties.stalledSessionTimeout().toMillis() / 1000.0);
            try (ResultSet rows = stalled.executeQuery()) {
                while (rows.next()) {
                    int pid = rows.getInt("pid");
                    long since = rows.getLong("since");
                    seen.put(pid, since);
                    if (Long.valueOf(since).equals(seenBefore.get(pid)) && end(pid, since)) {
                        count++;
                        ended.incrementAndGet();
                        log.warn("Ended database session {} ({}): in the middle of a command it waited for its client "
                                        + "for {} s inside a transaction open for {} s while {} session(s) waited on "
                                        + "its locks; its transaction is rolled back",
                                pid, rows.getString("application_name"), rows.getBigDecimal("silent"),
                                rows.getBigDecimal("open"), rows.getLong("waiting"));
                    }
                }
            }
        }
        seenBefore = seen;
        return count;
    }

    private boolean end(int pid, long since) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement(END)) {
            end.setInt(1, pid);
            end.setLong(2, since);
            try (ResultSet row = end.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private void check() {
        try {
            endStalledSessions();
            if (failing) {
                failing = false;
                log.info("Looking for stalled database sessions works again");
            }
        } catch (SQLException | RuntimeException e) {
            // the database away is the availability probe's to report; say once that this check is not running
            if (!failing) {
                failing = true;
                log.warn("Could not look for stalled database sessions ({}); trying again every {}", e.getMessage(),
                        properties.stalledSessionCheckInterval());
            }
            closeQuietly();
        }
    }

    private synchronized void closeQuietly() {
        DirectConnections.closeQuietly(connection);
        connection = null;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(ENDED, ended, AtomicLong::get)
                .description("Database sessions ended because they held others up while their client, in the "
                        + "middle of a command, said nothing")
                .register(registry);
    }

    @Override
    public void start() {
        if (properties.stalledSessionTimeout().isZero()) {
            return;
        }
        synchronized (this) {
            stopped = false;
        }
        checks.start();
    }

    @Override
    public void stop() {
        checks.stop();
        synchronized (this) {
            stopped = true;
            closeQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return checks.isRunning();
    }
}
