package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators through the real application: the five seeded ones, registration, themes, KPI targets. */
@OpeIntegrationTest
class OperatorHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theFiveOperatorsOfTheDomainAreSeeded() {
        Api desk = new Api(port).as("desk");

        // other tests register operators too: wait for the five seeded ones, not for any five
        List<String> seeded = List.of("clean", "chc", "copcap", "woco", "region");
        JsonNode operators = desk.getUntil("/api/operators", r -> r.json().valueStream().map(o -> o.get("id").asString())
                .toList().containsAll(seeded), Duration.ofSeconds(10)).json();

        assertThat(operators.valueStream().map(o -> o.get("id").asString()))
                .contains("clean", "chc", "copcap", "woco", "region");
        JsonNode copcap = operators.valueStream().filter(o -> o.get("id").asString().equals("copcap")).findFirst().orElseThrow();
        assertThat(copcap.get("themes").valueStream().map(JsonNode::asString)).containsExactly("INVESTMENT", "TALENT");
    }

    @Test
    void changingThemesGivesTheRoutingTableANewVersion() {
        Api desk = new Api(port).as("desk");
        String code = "op-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(desk.post("/api/operators", """
                {"code":"%s","name":"Invest in Denmark %s","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(code, code)).status()).isEqualTo(201);
        long before = routingVersion(desk, code, -1);

        Api.Response changed = desk.send(put("/api/operators/" + code + "/themes", "{\"themes\":[\"AUTHORITY_SOIL_WATER\",\"AUTHORITY_HEALTH\"]}"),
                java.util.Map.of("If-Match", "\"0\""));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(routingVersion(desk, code, before)).isGreaterThan(before);
    }

    /** The code is what the desk chose: a code taken already is refused naming it, so that a form can mark it. */
    @Test
    void aCodeTakenAlreadyIsRefusedNamingTheCode() {
        Api.Response taken = new Api(port).as("desk").post("/api/operators", """
                {"code":"chc","name":"Another","themes":["AUTHORITY_SOIL_WATER"]}""");

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("ALREADY_EXISTS");
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    /**
     * Two operators of one name were told apart by code alone: the inboxes, the board's filter and the KPI report named
     * them alike. A name another operator has, as people read it, is refused naming the field; nothing is recorded.
     */
    @Test
    void aNameAnotherOperatorHasIsRefusedNamingTheName() {
        Api desk = new Api(port).as("desk");
        String code = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = desk.post("/api/operators", """
                {"code":"%s","name":"  copenhagen   CAPACITY ","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(code));

        assertThat(registered.status()).as(registered.body()).isEqualTo(409);
        assertThat(registered.json().get("code").asString()).isEqualTo("DUPLICATE_OPERATOR_NAME");
        assertThat(registered.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Lifecycle.ok(desk.post("/api/operators", """
                {"code":"%s","name":"Own name %s","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(code, code)));
        Api.Response renamed = desk.put("/api/operators/" + code + "/name",
                "{\"name\":\"Wonderful\u00a0Copenhagen\",\"reason\":\"a merger\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(409);
        assertThat(renamed.json().get("code").asString()).isEqualTo("DUPLICATE_OPERATOR_NAME");
        assertThat(renamed.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Api.Response ownInOtherCase = desk.put("/api/operators/" + code + "/name",
                "{\"name\":\"OWN NAME " + code + "\",\"reason\":\"capitals\"}");
        assertThat(ownInOtherCase.status()).as("its own name, written otherwise").isEqualTo(200);
        Api.Response freed = desk.put("/api/operators/" + code + "/name",
                "{\"name\":\"Another name " + code + "\",\"reason\":\"renamed\"}");
        assertThat(freed.status()).isEqualTo(200);
        String other = "dup2-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(desk.post("/api/operators", """
                {"code":"%s","name":"Own name %s","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(other, code)).status())
                .as("the name it gave up is free again").isEqualTo(201);
    }

    @Test
    void agreesKpiTargetsForAYear() {
        Api desk = new Api(port).as("desk");
        String code = "op-" + UUID.randomUUID().toString().substring(0, 8);
        desk.post("/api/operators", "{\"code\":\"%s\",\"name\":\"Kpi op %s\",\"themes\":[\"AUTHORITY_HEALTH\"]}".formatted(code, code));

        Api.Response agreed = desk.send(put("/api/operators/" + code + "/kpi-targets/2027",
                "{\"targets\":[{\"kind\":\"DELEGATIONS_HANDLED\",\"target\":40},{\"kind\":\"TOURISTS\",\"target\":5000}]}"),
                java.util.Map.of());

        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
        Api.Response again = desk.send(put("/api/operators/" + code + "/kpi-targets/2027",
                "{\"targets\":[{\"kind\":\"TOURISTS\",\"target\":5000},{\"kind\":\"DELEGATIONS_HANDLED\",\"target\":40}]}"),
                java.util.Map.of());
        assertThat(again.header("ETag")).as("the same agreement again, in another order, records nothing")
                .isEqualTo(agreed.header("ETag"));
        Api.Response duplicate = desk.send(put("/api/operators/" + code + "/kpi-targets/2027",
                "{\"targets\":[{\"kind\":\"TOURISTS\",\"target\":1},{\"kind\":\"TOURISTS\",\"target\":2}]}"), java.util.Map.of());
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("DUPLICATE_KPI");
    }

    @Test
    void registeringAnOperatorTwiceIsAConflict() {
        Api desk = new Api(port).as("desk");

        Api.Response again = desk.post("/api/operators", "{\"code\":\"clean\",\"name\":\"CLEAN\",\"themes\":[\"GREEN_GROWTH\"]}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_EXISTS");
    }

    /** An operator named desk shared the desk's notification settings: the desk's recipients got its offers. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"desk", "system", "admin", "auditor", "anonymous"})
    void aCodeThatNamesTheDeskOrTheSystemIsRefused(String code) {
        Api.Response refused = new Api(port).as("desk").post("/api/operators",
                "{\"code\":\"" + code + "\",\"name\":\"Reserved\",\"themes\":[\"TALENT\"]}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(new Api(port).as("desk").get("/api/operators/" + code).status()).isEqualTo(404);
    }

    @Test
    void partnersAndVenuesAreRegistered() {
        Api desk = new Api(port).as("desk");

        String suffix = " " + java.util.UUID.randomUUID();
        Api.Response partner = desk.post("/api/partners", "{\"name\":\"Rigshospitalet" + suffix + "\",\"kind\":\"HOSPITAL\"}");
        Api.Response venue = desk.post("/api/venues", "{\"name\":\"Regionsgården" + suffix
                + "\",\"address\":\"Hillerød\",\"capacity\":40}");

        assertThat(partner.status()).isEqualTo(201);
        assertThat(partner.json().get("id").asString()).startsWith("PRT-");
        assertThat(venue.status()).isEqualTo(201);
        assertThat(venue.header("Location")).startsWith("/api/venues/VEN-");
    }

    private java.net.http.HttpRequest.Builder put(String path, String json) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    }

    private static long routingVersion(Api api, String code, long after) {
        JsonNode operators = api.getUntil("/api/operators", r -> find(r.json(), code) != null
                && find(r.json(), code).get("routingVersion").asLong() > after, Duration.ofSeconds(10)).json();
        return find(operators, code).get("routingVersion").asLong();
    }

    private static JsonNode find(JsonNode operators, String code) {
        List<JsonNode> found = operators.valueStream().filter(o -> o.get("id").asString().equals(code)).toList();
        return found.isEmpty() ? null : found.get(0);
    }
}
