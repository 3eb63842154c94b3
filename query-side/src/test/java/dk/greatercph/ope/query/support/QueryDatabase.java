package dk.greatercph.ope.query.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One real PostgreSQL per test JVM for the projection tests of this module: the embedded server on a free port in a
 * fresh folder under {@code target}, with the platform's and the query side's schema migrated by Flyway exactly as
 * the application migrates them (each module with its own history table). Tests share it and isolate themselves by
 * fresh ids; the server stops when the JVM ends.
 */
public final class QueryDatabase {

    private static final AtomicLong POSITIONS = new AtomicLong();

    private static EmbeddedPostgresServer server;
    private static HikariDataSource rewriting;
    private static HikariDataSource dataSource;

    private QueryDatabase() {
    }

    /**
     * A second pool on the same database, with the driver's joining of batched inserts into one statement on, as the
     * application runs it ({@code reWriteBatchedInserts}).
     */
    public static synchronized DataSource batchRewritingDataSource() {
        if (rewriting == null) {
            dataSource();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
            config.setMaximumPoolSize(2);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            rewriting = new HikariDataSource(config);
        }
        return rewriting;
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            Path folder = Path.of("target", "query-test-postgres", UUID.randomUUID().toString());
            server = EmbeddedPostgresServer.start(folder, 0);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            dataSource = new HikariDataSource(config);
            migrate(dataSource);
            Runtime.getRuntime().addShutdownHook(new Thread(QueryDatabase::stop, "query-test-postgres-stop"));
        }
        return dataSource;
    }

    public static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** The tracking token of the next event, as the event store would give it: one global order for all tests. */
    public static TrackingToken nextToken() {
        return new GlobalSequenceTrackingToken(POSITIONS.incrementAndGet());
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        for (String module : new String[]{"privacy", "query"}) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/" + module)
                    .table("flyway_history_" + module).baselineOnMigrate(true).baselineVersion("0")
                    .load().migrate();
        }
    }

    private static synchronized void stop() {
        dataSource.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
