package dk.greatercph.ope.app.support;

import dk.greatercph.ope.app.OnePointEntryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the benchmark programs start the whole application: on a random HTTP port, quiet logs, either with its own
 * embedded PostgreSQL in a fresh folder or on a PostgreSQL the program started itself.
 */
public final class BenchmarkApplication {

    private BenchmarkApplication() {
    }

    /** The embedded default, on a fresh data folder and a free port. */
    public static ConfigurableApplicationContext embedded() throws IOException {
        Path dataDir = Files.createTempDirectory("ope-bench");
        return new SpringApplicationBuilder(OnePointEntryApplication.class).run(
                "--ope.embedded-postgres.data-dir=" + dataDir, "--ope.embedded-postgres.port=0", "--server.port=0",
                "--logging.level.root=WARN");
    }

    /** On the PostgreSQL at {@code jdbcUrl} (user postgres), with the demo users. */
    public static ConfigurableApplicationContext on(String jdbcUrl) {
        return new SpringApplicationBuilder(OnePointEntryApplication.class).run(
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--server.port=0", "--ope.security.allow-demo-users=true", "--logging.level.root=WARN");
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
