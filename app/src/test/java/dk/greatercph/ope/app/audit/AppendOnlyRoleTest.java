package dk.greatercph.ope.app.audit;

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
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application runs as a role that may read and append events but never change or delete them; Flyway
 * migrates as the owner. The roles are set up as docs/database-roles.md tells a database administrator to.
 */
class AppendOnlyRoleTest {

    static EmbeddedPostgresServer postgres;
    static ConfigurableApplicationContext application;
    static String appUrl;

    @BeforeAll
    static void startAsTheApplicationRole() throws SQLException {
        postgres = EmbeddedPostgresServer.start(Path.of("target", "it-postgres", "roles-" + UUID.randomUUID()), 0);
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE ope_owner LOGIN PASSWORD 'owner'");
            sql.execute("CREATE ROLE ope_app LOGIN PASSWORD 'app'");
            sql.execute("CREATE DATABASE ope OWNER ope_owner");
        }
        appUrl = "jdbc:postgresql://localhost:" + postgres.port() + "/ope";
        try (Connection owner = DriverManager.getConnection(appUrl, "ope_owner", "owner");
             Statement sql = owner.createStatement()) {
            sql.execute("GRANT USAGE ON SCHEMA public TO ope_app");
            sql.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public "
                    + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ope_app");
            sql.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ope_app");
        }
        application = new SpringApplicationBuilder(OnePointEntryApplication.class).run(
                "--spring.datasource.url=" + appUrl,
                "--spring.datasource.username=ope_app",
                "--spring.datasource.password=app",
                "--spring.flyway.user=ope_owner",
                "--spring.flyway.password=owner",
                "--server.port=0",
                "--ope.security.allow-demo-users=true");
    }

    @AfterAll
    static void stop() throws Exception {
        if (application != null) {
            application.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theApplicationAppendsAndAuditsButCannotChangeOrDeleteEvents() throws SQLException {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        assertThat(new Api(port).as("desk").post("/api/delegations", Requests.delegation("Roles")).status())
                .isEqualTo(201);
        assertThat(new Api(port).as("auditor").get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
        assertThat(new Api(port).as("auditor").get("/api/audit/checkpoint").status()).isEqualTo(200);

        try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
             Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE DomainEventEntry SET payload = payload"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM event_chain"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE DomainEventEntry"))
                    .hasMessageContaining("permission denied");
            assertThat(sql.executeUpdate("DELETE FROM TokenEntry WHERE processorName = 'none'")).isZero();
        }
    }

    /** The board's reset truncates its tables with their owner's rights (V240, now V251), which the application's role lacks. */
    @Test
    void theBoardIsReplayedThoughTheApplicationMayNotTruncateItsTables() throws SQLException {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        String organisation = "Replayed as the application " + UUID.randomUUID();
        assertThat(desk.post("/api/delegations", Requests.delegation(organisation)).status()).isEqualTo(201);
        long fileBefore;
        try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
             Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("TRUNCATE delegation_board"))
                    .hasMessageContaining("permission denied");
            fileBefore = boardFile(sql);
        }

        assertThat(admin.post("/api/admin/projections/delegation-board/replay", "").status()).isEqualTo(202);
        admin.getUntil("/api/admin/projections/delegation-board",
                status -> status.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60));

        JsonNode replay = admin.get("/api/admin/projections/delegation-board").json().path("lastReplay");
        assertThat(replay.path("method").asString()).as(replay::toString).isEqualTo("PARALLEL");
        try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
             Statement sql = app.createStatement()) {
            // TRUNCATE gives a table a new file; DELETE (the function's fallback when the tables are busy) does not
            assertThat(boardFile(sql)).isNotEqualTo(fileBefore);
        }
        assertThat(desk.getUntil("/api/delegations", board -> board.body().contains(organisation),
                Duration.ofSeconds(30)).body()).contains(organisation);
    }

    /** The other projections with large tables reset by TRUNCATE too (V250), and only their own tables. */
    @Test
    void theLargerProjectionsAreReplayedByTruncatingTheirOwnTablesOnly() throws SQLException {
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        Api admin = new Api(port).as("admin");
        assertThat(new Api(port).as("desk").post("/api/delegations", Requests.delegation("Truncated " + UUID.randomUUID()))
                .status()).isEqualTo(201);
        Map<String, String> tables = Map.of("schedule", "schedule_delegation", "kpi", "kpi_delegation",
                "annual-report", "annual_report_delegation", "notifications", "notification_delegation",
                "personal-data", "personal_data");
        for (Map.Entry<String, String> projection : tables.entrySet()) {
            long fileBefore;
            try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
                 Statement sql = app.createStatement()) {
                fileBefore = file(sql, projection.getValue());
            }
            String path = "/api/admin/projections/" + projection.getKey();
            assertThat(admin.post(path + "/replay", "").status()).isEqualTo(202);
            admin.getUntil(path, status -> status.json().path("lastReplay").hasNonNull("finishedAt"),
                    Duration.ofSeconds(60));
            try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
                 Statement sql = app.createStatement()) {
                assertThat(file(sql, projection.getValue())).as(projection.getKey()).isNotEqualTo(fileBefore);
            }
        }
        try (Connection app = DriverManager.getConnection(appUrl, "ope_app", "app");
             Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("SELECT projection_reset('DomainEventEntry')"))
                    .hasMessageContaining("no tables are listed for the projection DomainEventEntry");
            try (ResultSet events = sql.executeQuery("SELECT count(*) > 0 FROM DomainEventEntry")) {
                events.next();
                assertThat(events.getBoolean(1)).as("the events are all there").isTrue();
            }
        }
    }

    private static long boardFile(Statement sql) throws SQLException {
        return file(sql, "delegation_board");
    }

    private static long file(Statement sql, String table) throws SQLException {
        try (ResultSet file = sql.executeQuery("SELECT pg_relation_filenode('" + table + "')")) {
            file.next();
            return file.getLong(1);
        }
    }
}
