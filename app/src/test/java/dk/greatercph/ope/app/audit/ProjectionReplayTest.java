package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying a projection from the whole history rebuilds exactly the same table. */
@OpeIntegrationTest
class ProjectionReplayTest {

    /**
     * Each projection and the content of its table, hashed in key order. Every projection joins this map.
     * The board's {@code operators} column is left out: until routing events exist, tests set it directly.
     */
    static final Map<String, String> CONTENT_HASHES = Map.of(
            "delegation-board", """
                    SELECT md5(COALESCE(string_agg((to_jsonb(b) - 'operators')::text, '|' ORDER BY delegation_id), ''))
                    FROM delegation_board b
                    """,
            "operator-directory", """
                    SELECT md5(COALESCE((SELECT string_agg(to_jsonb(o)::text, '|' ORDER BY operator_id)
                                         FROM operator_view o), '')
                            || '#' || COALESCE((SELECT string_agg(to_jsonb(k)::text, '|' ORDER BY operator_id, year, kind)
                                         FROM kpi_target k), ''))
                    """,
            "personal-data", """
                    SELECT md5(COALESCE(string_agg(to_jsonb(p)::text, '|' ORDER BY source_type, entry_id), ''))
                    FROM personal_data p
                    """,
            "trip-board", """
                    SELECT md5(COALESCE(string_agg(to_jsonb(t)::text, '|' ORDER BY trip_id), ''))
                    FROM trip_view t
                    """);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProjectionIsListedWithItsPositionAndTheHead() {
        JsonNode projections = new Api(port).as("admin").get("/api/admin/projections").json();

        assertThat(projections.valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrderElementsOf(CONTENT_HASHES.keySet());
        assertThat(projections.valueStream()).allSatisfy(p -> {
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("head").asLong()).isPositive();
        });
    }

    @Test
    void replayingEachProjectionLeavesItsContentUnchanged() {
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        for (int i = 0; i < 3; i++) {
            desk.post("/api/delegations", Requests.delegation("Replay " + UUID.randomUUID()));
        }

        for (Map.Entry<String, String> projection : CONTENT_HASHES.entrySet()) {
            String name = projection.getKey();
            assertThat(caughtUp(admin, name)).as(name + " catches up before the replay").isTrue();
            String before = jdbc.sql(projection.getValue()).query(String.class).single();

            Api.Response replay = admin.post("/api/admin/projections/" + name + "/replay", "");
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.header("Location")).isEqualTo("/api/admin/projections/" + name);
            JsonNode finished = admin.getUntil("/api/admin/projections/" + name,
                    r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json();

            assertThat(finished.get("lastReplay").hasNonNull("finishedAt")).as(name + " finishes: " + finished).isTrue();
            assertThat(finished.get("lastReplay").get("progress").asDouble()).isEqualTo(1.0);
            assertThat(finished.get("behindBy").asLong()).isZero();
            assertThat(jdbc.sql(projection.getValue()).query(String.class).single()).as(name).isEqualTo(before);
            JsonNode replayed = finished.get("lastReplay");
            System.out.printf("replayed %s: %d events, %.0f events/s%n", name,
                    replayed.get("eventsToReplay").asLong(), replayed.get("eventsPerSecond").asDouble());
        }
    }

    @Test
    void anUnknownProjectionIsAProblemNotFound() {
        Api.Response response = new Api(port).as("admin").post("/api/admin/projections/nothing-here/replay", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("PROJECTION_NOT_FOUND");
    }

    private static boolean caughtUp(Api admin, String name) {
        return admin.getUntil("/api/admin/projections/" + name,
                r -> r.status() == 200 && r.json().path("behindBy").asLong(-1) == 0, Duration.ofSeconds(30))
                .json().path("behindBy").asLong(-1) == 0;
    }
}
