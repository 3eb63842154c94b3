package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.command.delegation.RegisterDelegationCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who did it travels from the authenticated principal to every command and every event. */
@OpeIntegrationTest
class ActorMetadataTest {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventRecordsTheActingUserAndItsCause() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Actor")).json().get("id").asString();

        JsonNode metaData = desk.getUntil("/api/audit/events?aggregateId=" + id,
                r -> r.json().get("items").size() == 1, Duration.ofSeconds(5)).json().get("items").get(0).get("metaData");

        assertThat(metaData.get("actor").asString()).isEqualTo("desk");
        assertThat(metaData.get("actorRole").asString()).isEqualTo("DESK");
        assertThat(metaData.get("correlationId").asString()).isNotBlank();
        assertThat(metaData.get("causationId").asString()).isNotBlank();
        assertThat(desk.get("/api/audit/events?actor=desk&aggregateId=" + id).json().get("items").size()).isEqualTo(1);
        assertThat(desk.get("/api/audit/events?actor=clean&aggregateId=" + id).json().get("items").size()).isZero();
    }

    @Test
    void everyEventOfARegistrationRecordsActorRoleCorrelationAndCausation() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Whole registration")).json().get("id").asString();

        JsonNode timeline = new Api(port).as("auditor").get("/api/audit/Delegation/" + id + "/timeline").json()
                .get("events");

        assertThat(timeline.size()).isPositive();
        assertThat(timeline.valueStream()).allSatisfy(event -> {
            JsonNode metaData = event.get("metaData");
            assertThat(metaData.get("actor").asString()).isEqualTo("desk");
            assertThat(metaData.get("actorRole").asString()).isEqualTo("DESK");
            assertThat(metaData.get("correlationId").asString()).isNotBlank();
            assertThat(metaData.get("causationId").asString()).isNotBlank();
        });
    }

    @Test
    void aCommandWithoutAPrincipalIsRefused() {
        DelegationId id = DelegationId.newId();
        RegisterDelegationCommand anonymous = new RegisterDelegationCommand(id, Channel.DIRECT, "Nobody", "Jiangsu",
                null, DelegationType.BUSINESS, PoliticalLevel.NONE, 2, LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 2), List.of(Theme.TOURISM), null, "Hotels", "CN", LocalDate.of(2026, 11, 2));

        assertThatThrownBy(() -> commandGateway.sendAndWait(anonymous)).hasMessageContaining("acting user");
        assertThat(jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", id.value()).query(Long.class).single()).isZero();
    }

    @Test
    void everyStoredEventCarriesAnActor() {
        Api desk = new Api(port).as("desk");
        assertThat(desk.post("/api/delegations", Requests.delegation("Everyone has an actor")).status()).isEqualTo(201);
        JsonMapper json = JsonMapper.builder().build();

        List<byte[]> metaData = jdbc.sql("SELECT metaData FROM DomainEventEntry").query(byte[].class).list();

        assertThat(metaData).isNotEmpty();
        assertThat(metaData).allSatisfy(bytes -> assertThat(json.readTree(bytes).get("actor").asString()).isNotBlank());
    }
}
