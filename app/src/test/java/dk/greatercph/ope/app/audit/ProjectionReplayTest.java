package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TableRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying a projection from the whole history rebuilds exactly the same table. */
@OpeIntegrationTest
class ProjectionReplayTest {

    /** Each replayable projection and the tables it writes; every projection joins this map. */
    static final Map<String, List<String>> TABLES = Map.of(
            "delegation-board", List.of("delegation_board", "delegation_assignment", "delegation_programme_item",
                    "delegation_scope_request", "delegation_refusal"),
            "operator-directory", List.of("operator_view", "kpi_target"),
            "personal-data", List.of("personal_data"),
            "trip-board", List.of("trip_view"),
            "kpi", List.of("kpi_delegation", "kpi_offer"),
            "annual-report", List.of("annual_report_delegation"),
            "reference-names", List.of("partner_name", "venue_name"),
            "schedule", List.of("schedule_item", "schedule_delegation"),
            "notification-settings", List.of("notification_recipient", "notification_webhook"),
            "notifications", List.of("notification_delegation", "notification_assignment", "notification_item",
                    "notifier_recipient", "notifier_webhook"));

    /** The live push: a side effect, never replayed. */
    static final String NOT_REPLAYED = "inbox-push";

    /** The content of a projection's tables, each hashed in a stable row order. */
    static final Map<String, String> CONTENT_HASHES = TABLES.entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey,
            entry -> "SELECT md5(" + String.join(" || '#' || ", entry.getValue().stream()
                    .map(table -> "(SELECT COALESCE(string_agg(t::text, '|' ORDER BY t::text), '') FROM " + table + " t)")
                    .toList()) + ")"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProjectionIsListedWithItsPositionAndTheHead() {
        JsonNode projections = new Api(port).as("admin").get("/api/admin/projections").json();

        assertThat(projections.valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(CONTENT_HASHES.keySet().stream(),
                        java.util.stream.Stream.of(NOT_REPLAYED)).toList());
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
            TableRows rowsBefore = TableRows.of(jdbc, TABLES.get(name));

            Api.Response replay = admin.post("/api/admin/projections/" + name + "/replay", "");
            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.header("Location")).isEqualTo("/api/admin/projections/" + name);
            JsonNode finished = admin.getUntil("/api/admin/projections/" + name,
                    r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json();

            assertThat(finished.get("lastReplay").hasNonNull("finishedAt")).as(name + " finishes: " + finished).isTrue();
            assertThat(finished.get("lastReplay").get("progress").asDouble()).isEqualTo(1.0);
            assertThat(finished.get("behindBy").asLong()).isZero();
            assertThat(jdbc.sql(projection.getValue()).query(String.class).single())
                    .as(() -> name + ": " + rowsBefore.differences(TableRows.of(jdbc, TABLES.get(name)))).isEqualTo(before);
            JsonNode replayed = finished.get("lastReplay");
            assertThat(replayed.get("method").asString()).as(name)
                    .isEqualTo(name.equals("delegation-board") ? "PARALLEL" : "PROCESSOR");
            System.out.printf("replayed %s: %d events, %.0f events/s%n", name,
                    replayed.get("eventsToReplay").asLong(), replayed.get("eventsPerSecond").asDouble());
        }
    }

    @Test
    void whatIsRecordedWhileTheBoardIsReplayedInParallelReachesTheBoardAfterwards() {
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        desk.post("/api/delegations", Requests.delegation("Before the replay " + UUID.randomUUID()));
        assertThat(caughtUp(admin, "delegation-board")).isTrue();

        JsonNode started = admin.post("/api/admin/projections/delegation-board/replay", "").json();
        long target = started.get("lastReplay").get("replayUpTo").asLong();
        Api.Response during = desk.post("/api/delegations", Requests.delegation("During the replay " + UUID.randomUUID()));
        assertThat(during.status()).isEqualTo(201);
        String id = during.json().get("id").asString();
        JsonNode finished = admin.getUntil("/api/admin/projections/delegation-board",
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json();

        assertThat(finished.get("lastReplay").get("method").asString()).isEqualTo("PARALLEL");
        assertThat(finished.get("position").asLong()).isGreaterThanOrEqualTo(target);
        assertThat(desk.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(20)).status())
                .as("the processor went on from where the parallel run stopped").isEqualTo(200);
        assertThat(jdbc.sql("SELECT board_position > :target FROM delegation_board WHERE delegation_id = :id")
                .param("target", target).param("id", id).query(Boolean.class).single()).isTrue();
    }

    /** After a replay by the processor, an unknown id was 409 "being rebuilt" until something new was recorded. */
    @Test
    void anUnknownIdIsNotFoundOnceTheReplayHasFinished() {
        Api admin = new Api(port).as("admin");
        assertThat(caughtUp(admin, "reference-names")).isTrue();
        assertThat(admin.post("/api/admin/projections/reference-names/replay", "").status()).isEqualTo(202);
        JsonNode finished = admin.getUntil("/api/admin/projections/reference-names",
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60)).json();
        assertThat(finished.get("replaying").asBoolean()).isFalse();

        Api.Response unknown = new Api(port).as("desk").get("/api/venues/VEN-" + UUID.randomUUID());

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    }

    @Test
    void anUnknownProjectionIsAProblemNotFound() {
        Api.Response response = new Api(port).as("admin").post("/api/admin/projections/nothing-here/replay", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("PROJECTION_NOT_FOUND");
    }

    /**
     * While the board is rebuilt its pages are incomplete: answered 200 with none or some of the delegations (for
     * seconds after a restart that found a replay unfinished), where a single read answered 409. Every page read
     * during a replay is either the whole page or 409 PROJECTION_BEHIND.
     */
    @Test
    void theBoardsPagesAreNotAnsweredIncompleteWhileItIsRebuilt() {
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        String newest = desk.post("/api/delegations", Requests.delegation("Replay pages " + UUID.randomUUID()))
                .json().get("id").asString();
        assertThat(caughtUp(admin, "delegation-board")).isTrue();
        JsonNode whole = desk.get("/api/delegations?limit=200").json();
        int size = whole.get("items").size();
        assertThat(whole.get("items").get(0).get("id").asString()).isEqualTo(newest);

        assertThat(admin.post("/api/admin/projections/delegation-board/replay", "").status()).isEqualTo(202);
        int refused = 0;
        int pages = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !admin.get("/api/admin/projections/delegation-board").json()
                .path("lastReplay").hasNonNull("finishedAt")) {
            Api.Response page = desk.get("/api/delegations?limit=200");
            if (page.status() == 409) {
                assertThat(page.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
                refused++;
            } else {
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.json().get("items").size()).as("a page read during the replay").isEqualTo(size);
                assertThat(page.json().get("items").get(0).get("id").asString()).isEqualTo(newest);
                pages++;
            }
        }
        assertThat(caughtUp(admin, "delegation-board")).isTrue();
        assertThat(desk.get("/api/delegations?limit=200").json().get("items").size()).isEqualTo(size);
        System.out.println("board pages during its replay: " + refused + " refused, " + pages + " whole");
    }

    /**
     * The schedule's feed, the KPIs, the annual report and the trips answered 200 while their views were rebuilt:
     * the feed with 9 of 2,224 events, the KPIs with every operator's figures 0, the report with nothing completed. Each
     * read during a replay of its view is now the whole answer or 409 PROJECTION_BEHIND.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"schedule, /api/schedule.ics?from={day}&to={next}",
            "schedule, /api/schedule?from={day}&to={next}", "kpi, /api/kpis?year={year}",
            "annual-report, /api/reports/annual/{year}", "trip-board, /api/trips"})
    void theOtherViewsAreNotAnsweredIncompleteWhileTheyAreRebuilt(String projection, String path) {
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2013, 2026);
        java.time.LocalDate day = java.time.LocalDate.of(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(2040, 2090), 3, 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(27));
        dk.greatercph.ope.app.support.Lifecycle lifecycle = new dk.greatercph.ope.app.support.Lifecycle(new Api(port));
        String id = lifecycle.accepted("Replay views " + UUID.randomUUID(), year + "-02-01");
        lifecycle.item(desk, id, "MEETING", lifecycle.venue(), null, day + "T10:00", day + "T11:00");
        String resolved = path.replace("{day}", day.toString()).replace("{next}", day.plusDays(1).toString())
                .replace("{year}", Integer.toString(year));
        // the answer read before the replay is the whole one only once every view it reads has caught up (the
        // report's operators come from the KPIs, which follow the acceptances a moment later)
        for (String view : List.of(projection, "kpi", "operator-directory", "annual-report", "trip-board", "schedule")) {
            assertThat(caughtUp(admin, view)).as(view).isTrue();
        }
        String whole = desk.getUntil(resolved, r -> r.status() == 200 && (!resolved.contains("schedule")
                || r.body().contains(id)), Duration.ofSeconds(10)).body();

        assertThat(admin.post("/api/admin/projections/" + projection + "/replay", "").status()).isEqualTo(202);
        int refused = 0;
        int answers = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !admin.get("/api/admin/projections/" + projection).json()
                .path("lastReplay").hasNonNull("finishedAt")) {
            Api.Response read = desk.get(resolved);
            if (read.status() == 409) {
                assertThat(read.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
                refused++;
            } else {
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                assertThat(comparable(read.body())).as("read during the replay of " + projection)
                        .isEqualTo(comparable(whole));
                answers++;
            }
        }
        assertThat(caughtUp(admin, projection)).isTrue();
        assertThat(comparable(desk.get(resolved).body())).isEqualTo(comparable(whole));
        System.out.println(projection + " reads during its replay: " + refused + " refused, " + answers + " whole");
    }

    /** An answer without what differs between two reads of the same view (the feed's time stamps). */
    private static String comparable(String body) {
        return body.replaceAll("DTSTAMP:[0-9TZ]+", "DTSTAMP");
    }

    private static boolean caughtUp(Api admin, String name) {
        return admin.getUntil("/api/admin/projections/" + name,
                r -> r.status() == 200 && r.json().path("behindBy").asLong(-1) == 0, Duration.ofSeconds(30))
                .json().path("behindBy").asLong(-1) == 0;
    }
}
