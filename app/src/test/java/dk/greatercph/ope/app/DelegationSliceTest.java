package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The thin slice through the real application: register over HTTP, read it back from the projection. */
@OpeIntegrationTest
class DelegationSliceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port).as("desk");
    }

    @Test
    void registeredDelegationReachesTheBoardAndTheAuditLog() {
        String organisation = "Suzhou Industrial Park " + UUID.randomUUID();
        Api.Response created = api.post("/api/delegations", Requests.delegation(organisation));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/delegations/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        Api.Response one = api.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(one.status()).isEqualTo(200);
        JsonNode view = one.json();
        assertThat(view.get("requestingOrganisation").asString()).isEqualTo(organisation);
        assertThat(view.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(view.get("themes").get(0).asString()).isEqualTo("HEALTH_WELFARE_TECH");
        assertThat(view.get("wishedFrom").asString()).isEqualTo("2027-04-12");

        JsonNode board = api.get("/api/delegations?limit=200").json();
        assertThat(board.get("items").valueStream().map(item -> item.get("id").asString())).contains(id);

        JsonNode log = api.get("/api/audit/events?aggregateId=" + id).json().get("items");
        assertThat(log.size()).isEqualTo(1);
        JsonNode event = log.get(0);
        assertThat(event.get("eventType").asString()).isEqualTo("DelegationRegisteredEvent");
        assertThat(event.get("payloadRevision").asString()).isEqualTo("2");
        assertThat(Instant.parse(event.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(event.get("payload").get("requestingOrganisation").asString()).isEqualTo(organisation);
        assertThat(event.get("metaData").get("correlationId").asString()).isNotBlank();
    }

    @Test
    void aRegisteredDelegationsIdIsATimeOrderedUuid() throws InterruptedException {
        String first = api.post("/api/delegations", Requests.delegation("Ordered ids 1")).json().get("id").asString();
        Thread.sleep(2);
        String second = api.post("/api/delegations", Requests.delegation("Ordered ids 2")).json().get("id").asString();

        assertThat(List.of(first, second)).allSatisfy(id -> {
            assertThat(id).startsWith("DEL-");
            UUID uuid = UUID.fromString(id.substring(4));
            assertThat(uuid).hasToString(id.substring(4));
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16))
                    .isBetween(Instant.now().minusSeconds(60), Instant.now());
        });
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void unknownDelegationIsAProblemNotFound() {
        Api.Response missing = api.get("/api/delegations/DEL-" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void boardPagesWithAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/delegations", Requests.delegation("Paging " + i)).status()).isEqualTo(201);
        }
        api.getUntil("/api/delegations?limit=3", r -> r.json().get("items").size() == 3, Duration.ofSeconds(10));

        JsonNode first = api.get("/api/delegations?limit=2").json();
        assertThat(first.get("items").size()).isEqualTo(2);
        String next = first.get("next").asString();
        JsonNode second = api.get("/api/delegations?limit=2&after=" + next).json();

        assertThat(second.get("items").get(0).get("id").asString())
                .isNotIn(first.get("items").get(0).get("id").asString(), first.get("items").get(1).get("id").asString());
        assertThat(api.get("/api/delegations?after=not-a-cursor").json().get("code").asString())
                .isEqualTo("INVALID_CURSOR");
    }

    @Test
    void payloadsAreStoredAsByteaNeverAsLargeObjects() {
        assertThat(api.post("/api/delegations", Requests.delegation("Bytea check")).status()).isEqualTo(201);

        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'domainevententry' AND column_name = 'payload'""")
                .query(String.class).single()).isEqualTo("bytea");
    }

    @Test
    void healthIsUp() {
        Api.Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
