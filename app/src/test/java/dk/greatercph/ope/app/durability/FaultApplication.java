package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.OnePointEntryApplication;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The embedded default started in the test's JVM on a PostgreSQL of its own (fresh folder, free port), so a
 * fault test can signal that postmaster without touching anybody else's.
 */
final class FaultApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private FaultApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static FaultApplication start(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ope.embedded-postgres.data-dir=" + Path.of("target", "it-postgres", name + "-" + UUID.randomUUID()),
                "--ope.embedded-postgres.port=0",
                "--server.port=0",
                "--ope.event-store.gap-timeout=2s"));
        args.addAll(List.of(extra));
        return new FaultApplication(new SpringApplicationBuilder(OnePointEntryApplication.class)
                .run(args.toArray(String[]::new)));
    }

    Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    Postmaster postmaster() {
        return Postmaster.of(context.getBean(EmbeddedPostgresServer.class));
    }

    /** The event store read directly, bypassing the application's projections. */
    long eventsOf(String aggregateId) {
        return JdbcClient.create(context.getBean(DataSource.class))
                .sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    String setting(String name) {
        return JdbcClient.create(context.getBean(DataSource.class)).sql("SHOW " + name).query(String.class).single();
    }

    /** Polls the readiness probe until it answers {@code status}, at most {@code timeout}. */
    Api.Response readinessUntil(int status, Duration timeout) {
        return api().anonymous().getUntil("/actuator/health/readiness", r -> r.status() == status, timeout);
    }

    /** Closes the application and answers how long the close took. */
    Duration closeTimed() {
        long started = System.nanoTime();
        context.close();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
