package dk.greatercph.ope.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client that stops in the middle of a JDBC batch (its socket stops passing writes after the first piece of
 * the batch, as a process frozen with {@code SIGSTOP} there would) leaves its session waiting for the rest with
 * its locks held and no timer running: {@code idle_in_transaction_session_timeout} (1 s here) does not end it.
 * The application's check (3 s in the platform tests' configuration, every 0.5 s) ends it once another session
 * waits on its lock, and only then, not before its timeout; a session that holds a lock others wait on while it
 * works is left alone.
 */
@PlatformIntegrationTest
class StalledSessionsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void release() {
        FreezingSocketFactory.thaw();
        clients.shutdownNow();
    }

    @Test
    void aClientStoppedInsideABatchLosesItsSessionOnceItHoldsAnotherUp() throws Exception {
        String table = table();
        String application = "stalled-" + UUID.randomUUID();
        Properties frozenClient = clientProperties(application);
        frozenClient.setProperty("socketFactory", FreezingSocketFactory.class.getName());
        frozenClient.setProperty("options", "-c idle_in_transaction_session_timeout=1s");
        Connection stalled = DriverManager.getConnection(url(), frozenClient);
        stalled.setAutoCommit(false);
        Future<?> batch = clients.submit(() -> {
            lockRowOne(stalled, table);
            FreezingSocketFactory.freezeAfterWrites(1);
            try (PreparedStatement insert = stalled.prepareStatement(
                    "INSERT INTO " + table + " (id, v) VALUES (?, ?)")) {
                for (int id = 2; id < 200; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "x".repeat(1000));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
        double endedBefore = ended();
        int pid = awaitSession(application, "active", "ClientRead");

        assertThat(waitForRowOne(table, application, "2s")).as("a wait shorter than the check's timeout (3 s)")
                .isEqualTo("55P03"); // lock_not_available: the stalled session still holds the row
        Thread.sleep(3000); // the server's idle timeout (1 s), the check's (3 s) and two looks passed: nobody waits
        assertThat(session(pid)).as("a stalled session that holds nobody up").isEqualTo("active/ClientRead");

        assertThat(waitForRowOne(table, application, "8s")).as("a waiter once the check ends the stalled session")
                .isNull();
        awaitGone(pid);
        assertThat(count(table)).as("rows of the stalled batch, rolled back").isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ended() < endedBefore + 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ended()).as(StalledSessions.ENDED).isEqualTo(endedBefore + 1);
        FreezingSocketFactory.thaw();
        assertThat(batch).failsWithin(5, TimeUnit.SECONDS);
    }

    /** Waits at most {@code lockTimeout} for row one and commits; answers the SQL state of a failure, or null. */
    private String waitForRowOne(String table, String application, String lockTimeout) throws SQLException {
        try (Connection waiter = DriverManager.getConnection(url(), clientProperties("waiter-" + application))) {
            waiter.setAutoCommit(false);
            try (Statement statement = waiter.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '" + lockTimeout + "'");
            }
            try {
                lockRowOne(waiter, table);
                waiter.commit();
                return null;
            } catch (SQLException e) {
                return e.getSQLState();
            }
        }
    }

    private void awaitGone(int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session(pid) != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(session(pid)).as("the stalled session").isNull();
    }

    @Test
    void aSessionThatWorksWhileOthersWaitIsLeftAlone() throws Exception {
        String table = table();
        String application = "busy-" + UUID.randomUUID();
        try (Connection busy = DriverManager.getConnection(url(), clientProperties(application))) {
            busy.setAutoCommit(false);
            lockRowOne(busy, table);
            Future<?> work = clients.submit(() -> {
                try (Statement statement = busy.createStatement()) {
                    statement.execute("SELECT pg_sleep(5)");
                }
                busy.commit();
                return null;
            });
            awaitSession(application, "active", "PgSleep");
            assertThat(waitForRowOne(table, application, "8s")).isNull();
            work.get(5, TimeUnit.SECONDS); // its commit went through: the session was not ended
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new DatabaseProperties(null, null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ope.database.stalled-session-timeout");
        assertThatThrownBy(() -> new DatabaseProperties(null, null, null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ope.database.stalled-session-check-interval");
        assertThat(new DatabaseProperties(null, null, null, Duration.ZERO, null).stalledSessionTimeout()).isZero();
    }

    private double ended() {
        return meters.get(StalledSessions.ENDED).functionCounter().count();
    }

    private String table() throws SQLException {
        String table = "stall_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, v text)");
            statement.execute("INSERT INTO " + table + " VALUES (1, 'first')");
        }
        return table;
    }

    private static void lockRowOne(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT v FROM " + table + " WHERE id = 1 FOR UPDATE")) {
            assertThat(row.next()).isTrue();
        }
    }

    private int count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private int awaitSession(String application, String state, String waitEvent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND state = ? AND wait_event = ?"
                                 + " AND xact_start IS NOT NULL")) {
                query.setString(1, application);
                query.setString(2, state);
                query.setString(3, waitEvent);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getInt(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(application + " never was " + state + "/" + waitEvent);
    }

    /** The session's state and wait event, or {@code null} when it is gone. */
    private String session(int pid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT state || '/' || coalesce(wait_event, '') FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private String url() {
        return dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl()
                : unwrap().getJdbcUrl();
    }

    private HikariDataSource unwrap() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Properties clientProperties(String application) {
        HikariDataSource pool = unwrap();
        Properties properties = new Properties();
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", application);
        return properties;
    }

    /**
     * The driver's sockets (named as its {@code socketFactory}); once armed, a socket passes that many more
     * writes and then holds every later one until thawed, as the output of a frozen process would stop.
     */
    public static final class FreezingSocketFactory extends ConnectingSocketFactory {

        private static final AtomicInteger WRITES_LEFT = new AtomicInteger(Integer.MAX_VALUE);
        private static volatile boolean thawed;

        public FreezingSocketFactory() {
        }

        static void freezeAfterWrites(int writes) {
            thawed = false;
            WRITES_LEFT.set(writes);
        }

        static void thaw() {
            thawed = true;
            WRITES_LEFT.set(Integer.MAX_VALUE);
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public OutputStream getOutputStream() throws IOException {
                    return new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            if (WRITES_LEFT.getAndDecrement() <= 0) {
                                holdUntilThawed();
                            }
                            out.write(bytes, offset, length);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] {(byte) b}, 0, 1);
                        }
                    };
                }
            };
        }

        private static void holdUntilThawed() throws IOException {
            while (!thawed) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while frozen", e);
                }
            }
            throw new IOException("the frozen client's socket gave up");
        }
    }
}
