package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data: a delegation registered before a restart is there after it, the five
 * operators seeded on the first start are not seeded again, and an assignment deadline (R5) scheduled before
 * the restart fires after it.
 */
class RestartTest {

    @Test
    void eventsSurviveARestartOfTheEmbeddedDefault() throws Exception {
        Path dataDir = Path.of("target", "it-postgres", "restart-" + UUID.randomUUID());
        int postgresPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            postgresPort = socket.getLocalPort();
        }
        String[] args = {
                "--ope.embedded-postgres.data-dir=" + dataDir,
                "--ope.embedded-postgres.port=" + postgresPort,
                "--server.port=0",
                "--ope.assignment.fixed-deadline=PT10S"
        };

        String id;
        String routed;
        try (ConfigurableApplicationContext first = start(args)) {
            Lifecycle lifecycle = new Lifecycle(new Api(port(first)));
            routed = lifecycle.registeredAndScreened(Requests.delegation("Deadline across restart"));
            Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + routed + "/routing", "{}",
                    java.util.Map.of("X-Correlation-Id", "restart-" + routed)));
            Api api = new Api(port(first)).as("desk");
            Api.Response created = api.post("/api/delegations", Requests.delegation("Before restart"));
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asString();
            assertThat(api.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10))
                    .status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start(args)) {
            Api api = new Api(port(second)).as("desk");
            Api.Response after = api.get("/api/delegations/" + id);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().get("requestingOrganisation").asString()).isEqualTo("Before restart");
            assertThat(api.get("/api/audit/events?aggregateId=" + id).json().get("items").size()).isEqualTo(1);
            JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM DomainEventEntry
                    WHERE payloadType = 'dk.greatercph.ope.events.operator.OperatorRegisteredEvent'""")
                    .query(Long.class).single()).as("two starts seed the five operators once").isEqualTo(5);

            Api.Response escalated = api.as("auditor").getUntil(
                    "/api/audit/events?type=AssignmentEscalatedEvent&aggregateId=" + routed,
                    r -> r.json().get("items").size() == 1, Duration.ofSeconds(60));
            assertThat(escalated.json().get("items").size())
                    .as("the deadline scheduled before the restart fired after it").isEqualTo(1);
            assertThat(escalated.json().get("items").get(0).get("metaData").get("actor").asString()).isEqualTo("system");
            assertThat(escalated.json().get("items").get(0).get("metaData").get("traceId").asString())
                    .as("the deadline carries the correlation id of the request that scheduled it")
                    .isEqualTo("restart-" + routed);
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(OnePointEntryApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
