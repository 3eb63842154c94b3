package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.OnePointEntryApplication;
import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} starts as written, as far as this machine can tell without a Docker engine: the
 * environment it gives the command side and the query side (users, minus Axon Server and the compose network's
 * PostgreSQL) lets the application start on an external datasource, where it refuses to start without users,
 * and its users log in with the passwords its comment names. Its PostgreSQL runs with durable commits.
 */
class DockerComposeConfigurationTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void theComposedPostgresAcknowledgesOnlyDurableCommits() throws IOException {
        Map<String, Object> postgres = service("postgres");
        assertThat((List<Object>) postgres.get("command")).contains("synchronous_commit=on", "fsync=on");
    }

    @Test
    void bothSidesStartWithTheComposedUsersAndTheyLogIn() throws IOException {
        assertThat(users(environment("command-side"))).isEqualTo(users(environment("query-side")));
        Map<String, Object> composedUsers = users(environment("command-side"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                Path.of("target", "it-postgres", "compose-" + UUID.randomUUID()), 0);
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(OnePointEntryApplication.class)
                .initializers(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("docker-compose-systemEnvironment", composedUsers)))
                .run("--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                        "--server.port=0")) {
            Api api = new Api(((WebServerApplicationContext) application).getWebServer().getPort());
            assertThat(api.basic("desk", "compose-desk")
                    .post("/api/delegations", Requests.delegation("Composed")).status()).isEqualTo(201);
            assertThat(api.basic("auditor", "compose-auditor").get("/api/audit/events").status()).isEqualTo(200);
            assertThat(api.basic("admin", "compose-admin").get("/api/admin/projections").status()).isEqualTo(200);
            assertThat(api.basic("clean", "compose-clean").get("/api/operators/clean/inbox").status()).isEqualTo(200);
            assertThat(api.basic("desk", "desk").get("/api/delegations").status())
                    .as("no demo users beside the composed ones").isEqualTo(401);
        } finally {
            postgres.close();
        }
    }

    /** The security part of a service's environment, with Compose's {@code $$} read as {@code $}. */
    private static Map<String, Object> users(Map<String, Object> environment) {
        Map<String, Object> users = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("OPE_SECURITY_")) {
                users.put(name, String.valueOf(value).replace("$$", "$"));
            }
        });
        assertThat(users).isNotEmpty();
        return users;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        }
    }
}
