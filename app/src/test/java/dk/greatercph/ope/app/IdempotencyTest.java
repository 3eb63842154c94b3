package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A POST retried with the same Idempotency-Key and body returns the first answer and records nothing new. */
@OpeIntegrationTest
class IdempotencyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetriedRegistrationReturnsTheFirstAnswerAndRecordsNothingNew() {
        Api desk = new Api(port).as("desk");
        String organisation = "Idempotent " + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = desk.post("/api/delegations", Requests.delegation(organisation), key);
        Api.Response retry = desk.post("/api/delegations", Requests.delegation(organisation), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(registrationsOf(organisation)).isEqualTo(1);
        String id = first.json().get("id").asString();
        assertThat(desk.get("/api/audit/events?aggregateId=" + id).json().get("items").get(0).get("metaData")
                .get("idempotencyKey").asString()).isEqualTo(key.get("Idempotency-Key"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Api desk = new Api(port).as("desk");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        desk.post("/api/delegations", Requests.delegation("First body " + UUID.randomUUID()), key);

        Api.Response other = desk.post("/api/delegations", Requests.delegation("Other body " + UUID.randomUUID()), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRetriedRefusalIsTheSameRefusal() {
        Api desk = new Api(port).as("desk");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = desk.post("/api/delegations", "{\"channel\":\"EMBASSY\"}", key);
        Api.Response retry = desk.post("/api/delegations", "{\"channel\":\"EMBASSY\"}", key);

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void keysBelongToTheirUser() {
        String shared = UUID.randomUUID().toString();
        Api.Response desk = new Api(port).as("desk").post("/api/delegations",
                Requests.delegation("Desk " + shared), Map.of("Idempotency-Key", shared));
        Api.Response jwtDesk = new Api(port).withBearer(dk.greatercph.ope.app.support.Jwts.valid("other.desk", "DESK", null))
                .post("/api/delegations", Requests.delegation("Other " + shared), Map.of("Idempotency-Key", shared));

        assertThat(desk.status()).isEqualTo(201);
        assertThat(jwtDesk.status()).isEqualTo(201);
        assertThat(jwtDesk.json().get("id").asString()).isNotEqualTo(desk.json().get("id").asString());
    }

    private long registrationsOf(String organisation) {
        return jdbc.sql("""
                SELECT count(*) FROM DomainEventEntry
                WHERE payloadType LIKE '%DelegationRegisteredEvent' AND convert_from(payload, 'UTF8') LIKE :pattern""")
                .param("pattern", "%" + organisation + "%").query(Long.class).single();
    }
}
