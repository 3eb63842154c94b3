package dk.greatercph.ope.platform.schema;

import dk.greatercph.ope.platform.postgres.EmbeddedPostgresAutoConfiguration;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema's migrations run beside the context's start: what the application reads meanwhile waits for them,
 * and their failure still fails the start.
 */
class SchemaMigrationGateTest {

    @TempDir
    Path folder;

    @Test
    void aBeanThatReadsTheSchemaWhileTheMigrationsRunWaitsForThem() {
        try (ConfigurableApplicationContext context = start(SlowMigration.class)) {
            assertThat(context.getBean(ReadsAtCreation.class).answer).isEqualTo(42);
            assertThat(context.getBean(DataSource.class)).isInstanceOf(MigrationGatedDataSource.class);
        }
    }

    @Test
    void aMigrationRunsLongerThanTheApplicationsSocketTimeout() {
        try (ConfigurableApplicationContext context = start(LongMigration.class,
                "--spring.datasource.hikari.data-source-properties.socketTimeout=1")) {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT answer FROM gate_long_probe", Integer.class))
                    .isEqualTo(7);
            // every connection of the pool keeps its timeout, the ones the migrations had included (which one the
            // pool hands out here is its choice, so this checks one connection, not necessarily theirs)
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(1_000);
                assertThatThrownBy(() -> connection.createStatement().execute("SELECT pg_sleep(2.5)"))
                        .as("the application's own statements keep the timeout")
                        .hasRootCauseInstanceOf(SocketTimeoutException.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailingMigrationFailsTheStart() {
        assertThatThrownBy(() -> start(BrokenMigration.class).close())
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                .satisfies(failure -> assertThat(failure).hasStackTraceContaining("V1__broken_probe.sql"))
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(FlywayException.class::isInstance));
    }

    private ConfigurableApplicationContext start(Class<?> configuration, String... arguments) {
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> all = new ArrayList<>(List.of("--ope.embedded-postgres.data-dir=" + folder.resolve("postgres"),
                "--ope.embedded-postgres.port=0"));
        all.addAll(List.of(arguments));
        return application.run(all.toArray(String[]::new));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Reads the module's table as it is created, after the migrations have begun. */
    static final class ReadsAtCreation {
        final int answer;

        ReadsAtCreation(DataSource dataSource) {
            answer = new JdbcTemplate(dataSource).queryForObject("SELECT answer FROM gate_slow_probe", Integer.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, SchemaMigrationAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    static class SlowMigration {

        @Bean
        SchemaModule slowModule() {
            return new SchemaModule("gate_slow", "classpath:db/gate-slow");
        }

        @Bean
        @DependsOn("flywayInitializer")
        ReadsAtCreation readsAtCreation(DataSource dataSource) {
            return new ReadsAtCreation(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, SchemaMigrationAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    static class LongMigration {

        @Bean
        SchemaModule longModule() {
            return new SchemaModule("gate_long", "classpath:db/gate-long");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, SchemaMigrationAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    static class BrokenMigration {

        @Bean
        SchemaModule brokenModule() {
            return new SchemaModule("gate_broken", "classpath:db/gate-broken");
        }
    }
}
