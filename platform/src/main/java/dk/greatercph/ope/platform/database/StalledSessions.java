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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends the database sessions of the application's role that hold other sessions up while their client says
 * nothing in the middle of a command: inside a transaction, in a command ({@code active}) yet waiting on the
 * client ({@code ClientRead} or {@code ClientWrite}) for longer than {@code ope.database.stalled-session-timeout},
 * with at least one other session waiting on one of their locks. Their transaction rolls back and the locks are
 * free.
 * <p>
 * {@code idle_in_transaction_session_timeout} does this for a client that went quiet between two commands, and
 * stays in charge of those (a session may raise it for itself). It does not for one that stopped in the middle of
 * a command: the driver sends a batch in pieces of its output buffer, and between the statements of a pipeline
 * PostgreSQL waits for the next one with no timer running; nor for a client that stopped reading a result. A
 * process frozen (or cut off) there kept its token rows, and so its projections, or the commit-order lock, and so
 * every append, until it ran again. Every node runs this check on a connection of its own outside the pool (the
 * pool's may all be waiting on the stalled session).
 */
public final class StalledSessions implements SmartLifecycle, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(StalledSessions.class);

    static final String ENDED = "ope.database.stalled.sessions.ended";

    private static final String END_STALLED = """
            WITH stalled AS MATERIALIZED (
                SELECT pid, application_name, state, wait_event, state_change, xact_start
                FROM pg_stat_activity
                WHERE datname = current_database()
                  AND usename = current_user
                  AND pid <> pg_backend_pid()
                  AND backend_type = 'client backend'
                  AND state = 'active'
                  AND xact_start IS NOT NULL
                  AND wait_event_type = 'Client'
                  AND state_change < clock_timestamp() - make_interval(secs => ?)
            ), holding_up AS MATERIALIZED (
                SELECT s.pid, count(*) AS waiting
                FROM stalled s
                JOIN pg_stat_activity w ON w.wait_event_type = 'Lock' AND s.pid = ANY (pg_blocking_pids(w.pid))
                GROUP BY s.pid
            )
            SELECT s.pid, s.application_name, s.state, s.wait_event, h.waiting,
                   extract(epoch FROM clock_timestamp() - s.state_change)::numeric(10, 1) AS silent,
                   extract(epoch FROM clock_timestamp() - s.xact_start)::numeric(10, 1) AS open,
                   pg_terminate_backend(s.pid) AS ended
            FROM stalled s
            JOIN holding_up h ON h.pid = s.pid
            """;

    private final DataSource dataSource;
    private final DatabaseProperties properties;
    private final AtomicLong ended = new AtomicLong();
    private volatile ScheduledExecutorService checks;
    private Connection connection;

    StalledSessions(DataSource dataSource, DatabaseProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** Looks once and ends what it finds; answers how many sessions it ended. */
    synchronized int endStalledSessions() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DirectConnections.open(dataSource, properties.probeTimeout(), "ope-stalled-session-check");
        }
        int count = 0;
        try (PreparedStatement statement = connection.prepareStatement(END_STALLED)) {
            statement.setDouble(1, properties.stalledSessionTimeout().toMillis() / 1000.0);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getBoolean("ended")) {
                        continue;
                    }
                    count++;
                    log.warn("Ended database session {} ({}): it waited on its client ({}, {}) for {} s inside a "
                                    + "transaction open for {} s while {} session(s) waited on its locks; its "
                                    + "transaction is rolled back",
                            rows.getInt("pid"), rows.getString("application_name"), rows.getString("wait_event"),
                            rows.getString("state"), rows.getBigDecimal("silent"), rows.getBigDecimal("open"),
                            rows.getLong("waiting"));
                }
            }
        }
        ended.addAndGet(count);
        return count;
    }

    private void check() {
        try {
            endStalledSessions();
        } catch (SQLException | RuntimeException e) {
            // the database away is the availability probe's to report; look again next time on a fresh connection
            log.debug("Could not look for stalled database sessions: {}", e.getMessage());
            closeQuietly();
        }
    }

    private synchronized void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is dead already
            }
            connection = null;
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(ENDED, ended, AtomicLong::get)
                .description("Database sessions ended because they held others up while their client said nothing")
                .register(registry);
    }

    @Override
    public void start() {
        if (properties.stalledSessionTimeout().isZero()) {
            return;
        }
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-stalled-sessions");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.stalledSessionCheckInterval().toMillis();
        checks.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checks;
        checks = null;
        if (running != null) {
            running.shutdownNow();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }
}
