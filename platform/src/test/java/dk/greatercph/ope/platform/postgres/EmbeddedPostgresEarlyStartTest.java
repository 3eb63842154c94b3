package dk.greatercph.ope.platform.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresEarlyStartTest {

    @TempDir
    Path folder;

    @Test
    void stopsThePostgresStartedBesideTheContextWhenTheApplicationFailsToStart() {
        Path dataDir = folder.resolve("postgres");
        SpringApplication application = application(RefusingApplication.class);

        assertThatThrownBy(() -> application.run("--ope.embedded-postgres.data-dir=" + dataDir,
                "--ope.embedded-postgres.port=0"))
                .hasRootCauseMessage("refuses to start");

        assertInitialisedAndStopped(dataDir);
    }

    @Test
    void startsTheServerWithTheSettingsConfigured() throws Exception {
        SpringApplication application = application(StartingApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--ope.embedded-postgres.data-dir=" + folder.resolve("postgres"), "--ope.embedded-postgres.port=0",
                "--ope.embedded-postgres.settings.work_mem=12345kB",
                "--ope.embedded-postgres.settings[ope_probe.marker]=on");
             Connection connection = DriverManager.getConnection(
                     context.getBean(EmbeddedPostgresServer.class).jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "work_mem")).isEqualTo("12345kB");
            assertThat(show(statement, "ope_probe.marker")).isEqualTo("on");
            assertThat(show(statement, "synchronous_commit")).as("the durable defaults stay").isEqualTo("on");
            try (ResultSet rs = statement.executeQuery("SELECT datlocprovider, datlocale, 'Z' < 'a', 'a' < 'Å',"
                    + " upper('æøå') FROM pg_database WHERE datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1) + " " + rs.getString(2)).as("PostgreSQL's own collation, not the"
                        + " environment's").isEqualTo("b " + EmbeddedPostgresServer.BUILTIN_LOCALE);
                assertThat(rs.getBoolean(3) && rs.getBoolean(4)).as("text ordered by code point").isTrue();
                assertThat(rs.getString(5)).as("Unicode's upper case").isEqualTo("ÆØÅ");
            }
        }
    }

    @Test
    void refusesASettingTheServersCommandLineWouldSplit() {
        SpringApplication application = application(StartingApplication.class);

        assertThatThrownBy(() -> application.run("--ope.embedded-postgres.data-dir=" + folder.resolve("refused"),
                "--ope.embedded-postgres.port=0",
                "--ope.embedded-postgres.settings.shared_preload_libraries=pg_stat_statements, auto_explain"))
                .hasStackTraceContaining("ope.embedded-postgres.settings.shared_preload_libraries must be");
        assertThat(folder.resolve("refused")).as("no cluster was made").doesNotExist();
    }

    @Test
    void aStartBegunByMainIsTheOneTheContextUsesAndStopsWithIt() throws Exception {
        Path dataDir = folder.resolve("from-main");
        SpringApplication application = application(StartingApplication.class, new EmbeddedPostgresMainStart());
        try (ConfigurableApplicationContext context = application.run(
                "--ope.embedded-postgres.data-dir=" + dataDir, "--ope.embedded-postgres.port=0");
             Connection connection = DriverManager.getConnection(
                     context.getBean(EmbeddedPostgresServer.class).jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            assertThat(context.getBeansOfType(EmbeddedPostgresEarlyStart.class)).as("no second start")
                    .containsOnlyKeys(EmbeddedPostgresMainStart.BEAN_NAME);
            assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(dataDir.resolve("postmaster.pid")).as("stopped with the context").doesNotExist();
    }

    @Test
    void aStartBegunByMainStopsWhenTheContextFailsToRefresh() {
        Path dataDir = folder.resolve("refused-bean");
        SpringApplication application = application(RefusingApplication.class, new EmbeddedPostgresMainStart());

        assertThatThrownBy(() -> application.run("--ope.embedded-postgres.data-dir=" + dataDir,
                "--ope.embedded-postgres.port=0"))
                .hasRootCauseMessage("refuses to start");

        assertInitialisedAndStopped(dataDir);
    }

    @Test
    void aStartBegunByMainStopsWhenTheApplicationFailsBeforeTheRefresh() {
        Path dataDir = folder.resolve("refused-before");
        ApplicationContextInitializer<ConfigurableApplicationContext> refusing = context -> {
            throw new IllegalStateException("a later initializer refuses");
        };
        SpringApplication application = application(StartingApplication.class, new EmbeddedPostgresMainStart(),
                refusing);

        assertThatThrownBy(() -> application.run("--ope.embedded-postgres.data-dir=" + dataDir,
                "--ope.embedded-postgres.port=0"))
                .hasMessage("a later initializer refuses");

        assertInitialisedAndStopped(dataDir);
    }

    @Test
    void mainStartsNothingWhenADatasourceIsConfigured() {
        Path dataDir = folder.resolve("not-started");
        SpringApplication application = application(StartingApplication.class, new EmbeddedPostgresMainStart());
        try (ConfigurableApplicationContext context = application.run(
                "--spring.datasource.url=jdbc:postgresql://localhost:1/none",
                "--ope.embedded-postgres.data-dir=" + dataDir)) {
            assertThat(context.containsBean(EmbeddedPostgresMainStart.BEAN_NAME)).isFalse();
            assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        }
        assertThat(dataDir).doesNotExist();
    }

    private static SpringApplication application(Class<?> source, ApplicationContextInitializer<?>... initializers) {
        SpringApplication application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addInitializers(initializers);
        return application;
    }

    private static void assertInitialisedAndStopped(Path dataDir) {
        assertThat(dataDir.resolve("PG_VERSION")).as("the cluster was initialised").exists();
        assertThat(dataDir.resolve("postmaster.pid")).as("and its postmaster stopped").doesNotExist();
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
    static class StartingApplication {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
    static class RefusingApplication {

        @Bean
        Object refusing() {
            throw new IllegalStateException("refuses to start");
        }
    }
}
