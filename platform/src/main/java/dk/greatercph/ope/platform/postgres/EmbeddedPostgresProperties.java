package dk.greatercph.ope.platform.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the embedded PostgreSQL keeps its data, on which port it listens, and server settings of its own.
 *
 * @param dataDir  the folder holding the database cluster; it survives restarts
 * @param port     a fixed port, so that a restart after a crash finds (and retires) the old postmaster;
 *                 {@code 0} picks a free port (tests)
 * @param settings server settings on top of the defaults, e.g. {@code shared_preload_libraries=pg_stat_statements}
 *                 to see which statements take the database's time (docs/operability.md). Each goes to the server's
 *                 command line through a shell, so a name or value with a space, a quote or another character a
 *                 shell reads is refused (a list is written without spaces: {@code a,b}). {@code synchronous_commit}
 *                 or {@code fsync} off stops the start (ope.durability); other settings are not checked.
 */
@ConfigurationProperties("ope.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, Integer port, Map<String, String> settings) {

    public EmbeddedPostgresProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
        port = port == null ? 54329 : port;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        settings.forEach((name, value) -> {
            if (!SETTING_NAME.matcher(name).matches() || !SETTING_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("ope.embedded-postgres.settings." + name + " must be a name and a "
                        + "value of letters, digits and . _ , : / + - only (no spaces; a list as a,b), was '" + value
                        + "'");
            }
        });
    }

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern SETTING_VALUE = Pattern.compile("[A-Za-z0-9_.,:/+-]+");
}
