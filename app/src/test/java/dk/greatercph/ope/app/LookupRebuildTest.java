package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's lookup tables are derived from events: emptied, they are rebuilt from the event store with
 * exactly the rows the command handlers wrote, row for row and column for column.
 */
@OpeIntegrationTest
class LookupRebuildTest {

    private static final List<String> LOOKUPS = List.of("annual_trip", "delegation_operator", "delegation_request_history",
            "operator_name", "partner_directory", "person_name", "programme_booking", "routing_rule", "routing_version", "venue_directory");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void emptiedLookupTablesAreRebuiltFromTheEventsWithIdenticalContents() {
        Api admin = new Api(port).as("admin");
        // first bring whatever other tests wrote straight into the event store into the tables
        assertThat(admin.post("/api/admin/lookups/rebuild", "").status()).isEqualTo(200);
        recordSomethingInEveryLookup();
        Map<String, List<String>> recorded = contents();
        assertThat(recorded.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        LOOKUPS.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
        Api.Response rebuilt = admin.post("/api/admin/lookups/rebuild", "");

        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(contents()).isEqualTo(recorded);
        JsonNode tables = rebuilt.json().get("tables");
        assertThat(tables.valueStream().map(t -> t.get("name").asString()).toList()).containsExactlyElementsOf(LOOKUPS);
        assertThat(tables.valueStream()).allSatisfy(table -> {
            assertThat(table.get("changed").asBoolean()).isTrue();
            assertThat(table.get("rows").asLong()).isEqualTo(recorded.get(table.get("name").asString()).size());
        });

        JsonNode again = admin.post("/api/admin/lookups/rebuild", "").json();
        assertThat(again.get("tables").valueStream()).allSatisfy(table -> assertThat(table.get("changed").asBoolean()).isFalse());
        assertThat(contents()).isEqualTo(recorded);
    }

    @Test
    void theMigrationFillsTheDelegationOperatorsFromTheOffersAlreadyRecorded() throws Exception {
        Api admin = new Api(port).as("admin");
        new Lifecycle(new Api(port)).accepted("Backfilled " + UUID.randomUUID());
        assertThat(admin.post("/api/admin/lookups/rebuild", "").status()).isEqualTo(200);
        List<String> rebuilt = rows("delegation_operator");
        assertThat(rebuilt).isNotEmpty();
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/command/V70__delegation_operator.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("INSERT INTO delegation_operator"));

        jdbc.sql("DELETE FROM delegation_operator").update();
        jdbc.sql(backfill).update();

        assertThat(rows("delegation_operator")).isEqualTo(rebuilt);
    }

    private List<String> rows(String table) {
        return jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t::text").query(String.class).list();
    }

    private void recordSomethingInEveryLookup() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        ok(desk.post("/api/operators", """
                {"code":"%s","name":"Rebuild operator %s","themes":["AUTHORITY_SOIL_WATER"]}""".formatted(operator, operator)));
        ok(desk.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/operators/" + operator + "/themes"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"themes\":[\"AUTHORITY_SOIL_WATER\",\"AUTHORITY_HEALTH\"]}")),
                Map.of()));

        int year = TripHttpTest.freeYear(jdbc);
        String cancelled = ok(desk.post("/api/trips", TripHttpTest.plan(year, null))).json().get("id").asString();
        ok(desk.post("/api/trips/" + cancelled + "/cancellation", "{\"reason\":\"Postponed\"}"));
        ok(desk.post("/api/trips", TripHttpTest.plan(year, null)));
        ok(desk.post("/api/trips", TripHttpTest.plan(year, "A second invitation")));

        String venue = lifecycle.venue();
        String host = lifecycle.partner("COMPANY");
        String confirmed = lifecycle.accepted("Rebuild confirmed " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), confirmed, "MEETING", venue, host, "2027-09-07T10:00", "2027-09-07T11:00");
        lifecycle.item(lifecycle.as("chc"), confirmed, "MEETING", venue, null, "2027-09-08T10:00", "2027-09-08T11:00");
        ok(desk.post("/api/delegations/" + confirmed + "/confirmation", ""));

        String released = lifecycle.accepted("Rebuild cancelled " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), released, "MEETING", lifecycle.venue(), null, "2027-09-09T10:00",
                "2027-09-09T11:00");
        ok(desk.post("/api/delegations/" + released + "/confirmation", ""));
        ok(desk.post("/api/delegations/" + released + "/cancellation", "{\"reason\":\"Visa refused\"}"));

        String withdrawn = lifecycle.accepted("Rebuild withdrawn " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), withdrawn, "MEETING", lifecycle.venue(), null, "2027-09-10T10:00",
                "2027-09-10T11:00");
        ok(desk.post("/api/delegations/" + withdrawn + "/confirmation", ""));
        ok(desk.post("/api/delegations/" + withdrawn + "/withdrawal", "{\"reason\":\"Programme fell through\"}"));
    }

    /** Every lookup table's rows as text, in a fixed order. */
    private Map<String, List<String>> contents() {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String table : LOOKUPS) {
            contents.put(table, jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY t::text").query(String.class).list());
        }
        return contents;
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }
}
