package dk.greatercph.ope.platform.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded PostgreSQL keeps its data, on which port it listens, and server settings of its own.
 *
 * @param dataDir  the folder holding the database cluster; it survives restarts
 * @param port     a fixed port, so that a restart after a crash finds (and retires) the old postmaster;
 *                 {@code 0} picks a free port (tests)
 * @param settings server settings on top of the defaults, e.g. {@code shared_preload_libraries=pg_stat_statements}
 *                 to see which statements take the database's time (docs/operability.md); a setting that lets
 *                 acknowledged commits be lost stops the start (ope.durability)
 */
@ConfigurationProperties("ope.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Integer port, Map<String, String> settings) {

    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
        port = port == null ? 54329 : port;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
