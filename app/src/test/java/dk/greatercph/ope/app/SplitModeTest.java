package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.command.CommandSideApplication;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import dk.greatercph.ope.query.QuerySideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Split mode: the command side and the query side as two separate applications on one PostgreSQL. An event
 * written by the command side is projected by the query side's streaming processor.
 */
class SplitModeTest {

    static EmbeddedPostgresServer postgres;
    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void startBothSides() {
        postgres = EmbeddedPostgresServer.start(Path.of("target", "it-postgres", "split-" + UUID.randomUUID()), 0);
        String[] shared = {
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--ope.security.allow-demo-users=true"
        };
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).run(shared);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).run(shared);
    }

    @AfterAll
    static void stopBothSides() throws Exception {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anEventWrittenByTheCommandSideIsProjectedByTheQuerySide() {
        Api commands = new Api(port(commandSide)).as("desk");
        Api queries = new Api(port(querySide)).as("desk");

        Api.Response created = commands.post("/api/delegations", Requests.delegation("Split mode " + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Api.Response projected = queries.getUntil("/api/delegations/" + id, r -> r.status() == 200,
                Duration.ofSeconds(15));
        assertThat(projected.status()).isEqualTo(200);
        assertThat(projected.json().get("id").asString()).isEqualTo(id);
    }

    /** Each side alone serves a complete document, written where CI lints it beside the embedded default's. */
    @Test
    void eachSideAloneDocumentsItsApiNamedTaggedAndDescribed() throws IOException {
        Api.Response commands = new Api(port(commandSide)).get("/v3/api-docs");
        Api.Response queries = new Api(port(querySide)).get("/v3/api-docs");
        Files.writeString(Path.of("target", "openapi-command-side.json"), commands.body());
        Files.writeString(Path.of("target", "openapi-query-side.json"), queries.body());

        OpenApiTest.namesTheProductAndTagsAndDescribesEveryOperation(commands.json());
        OpenApiTest.namesTheProductAndTagsAndDescribesEveryOperation(queries.json());
        assertThat(commands.json().get("paths").propertyNames()).contains("/api/delegations/{id}/routing")
                .doesNotContain("/api/schedule");
        assertThat(queries.json().get("paths").propertyNames()).contains("/api/schedule")
                .doesNotContain("/api/delegations/{id}/routing");
    }

    @Test
    void eachSideServesOnlyItsOwnApi() {
        Api commands = new Api(port(commandSide)).as("desk");
        Api queries = new Api(port(querySide)).as("desk");

        assertThat(commands.get("/api/delegations").status()).isEqualTo(405);
        assertThat(queries.post("/api/delegations", Requests.delegation("Wrong side")).status()).isEqualTo(405);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
