package dk.greatercph.ope.platform.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL keeps its data and on which port it listens.
 *
 * @param dataDir the folder holding the database cluster; it survives restarts
 * @param port    a fixed port, so that a restart after a crash finds (and retires) the old postmaster;
 *                {@code 0} picks a free port (tests)
 */
@ConfigurationProperties("ope.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Integer port) {

    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
        port = port == null ? 54329 : port;
    }
}
