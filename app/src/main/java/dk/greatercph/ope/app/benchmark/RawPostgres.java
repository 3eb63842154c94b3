package dk.greatercph.ope.app.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What PostgreSQL does by itself on the application's own database, with the same server settings: single-row insert
 * transactions from several connections into a scratch table, and one ordered read of the whole event table.
 */
final class RawPostgres {

    private static final String SCRATCH = "benchmark_raw_insert";

    private final String url;

    RawPostgres(int port) {
        this.url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /**
     * Inserts {@code untimed} and then {@code total} timed rows, each in its own committed transaction, from
     * {@code clients} connections. A row carries a JSON document the size of a registration event, so the WAL written
     * per commit is comparable. The untimed rows warm this side as the untimed registrations warm the other.
     */
    Timings insertTransactions(int untimed, int total, int clients) throws SQLException {
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + SCRATCH);
            ddl.execute("CREATE TABLE " + SCRATCH + " (id bigserial PRIMARY KEY, body jsonb NOT NULL)");
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(connect());
            }
            List<PreparedStatement> prepared = new ArrayList<>();
            for (Connection connection : connections) {
                prepared.add(connection.prepareStatement("INSERT INTO " + SCRATCH + " (body) VALUES (?::jsonb)"));
            }
            // each run's threads take consecutive numbers, so a run's threads get distinct connections
            AtomicInteger handedOut = new AtomicInteger();
            ThreadLocal<PreparedStatement> statements =
                    ThreadLocal.withInitial(() -> prepared.get(handedOut.getAndIncrement() % clients));
            IntConsumer insertOne = n -> {
                try {
                    PreparedStatement insert = statements.get();
                    insert.setString(1, document(n));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            Timings.run(null, untimed, clients, insertOne);
            return Timings.run(null, total, clients, insertOne);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + SCRATCH);
            }
        }
    }

    /** Reads every row of the event table in global order, every column, and returns rows per second. */
    double orderedEventRead() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT * FROM DomainEventEntry ORDER BY globalIndex")) {
                read.setFetchSize(1000);
                long started = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (ResultSet rs = read.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rs.getObject(c);
                            bytes += value instanceof byte[] array ? array.length : 1;
                        }
                        rows++;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                connection.commit();
                return bytes == 0 ? 0 : rows / seconds;
            }
        }
    }

    /**
     * Vacuums and analyses every table, as autovacuum would in time on a live system: after a bulk load and a replay
     * the planner otherwise works from missing statistics, and autovacuum's workers take CPU from the queries timed
     * next. Returns the seconds it took.
     */
    double vacuumAnalyze() throws SQLException {
        try (Connection connection = connect(); Statement vacuum = connection.createStatement()) {
            long started = System.nanoTime();
            vacuum.execute("VACUUM (ANALYZE)");
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private static String document(int n) {
        return """
                {"channel":"EMBASSY","requestingOrganisation":"Raw insert %d %d","originProvince":"Jiangsu",\
                "originCity":"Nanjing","delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL","headCount":12,\
                "wishedFrom":"2027-04-12","wishedTo":"2027-04-16","themes":["HEALTH_WELFARE_TECH"],\
                "purpose":"Study visit on welfare technology",\
                "businessOpportunity":"Two companies look for Danish tele-health partners"}"""
                .formatted(n, ThreadLocalRandom.current().nextLong());
    }
}
