package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.OnePointEntryApplication;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that acknowledges commits before they are on disk can lose a request already answered 2xx, so
 * the application refuses to start on one unless the risk is accepted explicitly. The database here is a real
 * PostgreSQL started with {@code synchronous_commit = off}, as the embedded library's default would have it.
 */
class CommitDurabilityTest {

    static EmbeddedPostgresServer unsafe;
    static String url;

    @BeforeAll
    static void startAPostgresThatAcknowledgesEarly() {
        unsafe = EmbeddedPostgresServer.start(Path.of("target", "it-postgres", "unsafe-" + UUID.randomUUID()), 0,
                Map.of("synchronous_commit", "off"));
        url = unsafe.jdbcUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (unsafe != null) {
            unsafe.close();
        }
    }

    @Test
    void theUnsafeDatabaseReallyAcknowledgesBeforeFlushing() throws SQLException {
        assertThat(show("synchronous_commit")).isEqualTo("off");
    }

    @Test
    void refusesToStartOnADatabaseThatAcknowledgesCommitsBeforeTheyAreDurable() {
        assertThatThrownBy(() -> start())
                .hasStackTraceContaining("acknowledges commits before they are durable (synchronous_commit=off");
    }

    @Test
    void startsOnTheSameDatabaseWhenTheRiskIsAcceptedExplicitly() {
        try (ConfigurableApplicationContext application = start("--ope.durability.accept-unsafe-commits=true")) {
            int port = ((WebServerApplicationContext) application).getWebServer().getPort();
            assertThat(new Api(port).as("desk").post("/api/delegations", Requests.delegation("Unsafe accepted"))
                    .status()).isEqualTo(201);
        }
    }

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--spring.datasource.url=" + url;
        args[1] = "--spring.datasource.username=postgres";
        args[2] = "--server.port=0";
        args[3] = "--ope.security.allow-demo-users=true";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(OnePointEntryApplication.class).run(args);
    }

    private static String show(String setting) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
