package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.platform.eventstore.OldRevisions;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trip's itinerary in the schedule and the calendar feed: each item in its own time zone (China Standard Time
 * unless another is given), with that zone's offset and VTIMEZONE; items recorded before items had a zone read as
 * China Standard Time; a trip read waits for the version a client asks for.
 */
@OpeIntegrationTest
class TripScheduleTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    @Test
    void itineraryItemsAppearInTheScheduleAndFeedInTheirOwnTimeZones() {
        int year = 2030 + (int) (Math.random() * 60);
        String trip = plannedWithChc(year);
        String nanjing = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office","description":"Renewal of the agreement"}"""
                .formatted(year, year))).json().get("id").asString();
        Api.Response tokyo = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-12T09:00:00","endsAt":"%d-05-12T10:00:00","city":"Tokyo",
                 "counterpart":"Japanese health ministry","timeZone":"Asia/Tokyo"}""".formatted(year, year)));
        String tokyoItem = tokyo.json().get("id").asString();

        JsonNode view = ok(desk.get("/api/trips/" + trip + "?minVersion=" + tokyo.header("ETag").replace("\"", "")))
                .json();
        JsonNode first = item(view.get("itinerary"), "itemId", nanjing);
        assertThat(first.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(first.get("startsAt").asString()).isEqualTo(year + "-05-11T10:00:00+08:00");
        assertThat(item(view.get("itinerary"), "itemId", tokyoItem).get("endsAt").asString())
                .isEqualTo(year + "-05-12T10:00:00+09:00");

        JsonNode week = schedule("?from=" + year + "-05-10&to=" + year + "-05-16");
        JsonNode entry = item(week, "id", nanjing);
        assertThat(entry.get("type").asString()).isEqualTo("TRIP_ITEM");
        assertThat(entry.get("tripId").asString()).isEqualTo(trip);
        assertThat(entry.get("city").asString()).isEqualTo("Nanjing");
        assertThat(entry.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(OffsetDateTime.parse(entry.get("startsAt").asString()))
                .isEqualTo(OffsetDateTime.parse(year + "-05-11T10:00:00+08:00"));
        assertThat(entry.get("startsAt").asString()).endsWith("+08:00");
        assertThat(entry.get("organisation").asString()).isEqualTo("Jiangsu Foreign Affairs Office");
        assertThat(entry.get("operators").valueStream().map(JsonNode::asString)).containsExactly("chc");
        assertThat(item(week, "id", tokyoItem).get("startsAt").asString()).endsWith("+09:00");

        assertThat(ids(schedule("?from=" + year + "-05-12&to=" + year + "-05-12")))
                .as("Nanjing 10:00 CST is 04:00 on the 11th in Copenhagen; Tokyo 09:00 JST is 02:00 on the 12th")
                .contains(tokyoItem).doesNotContain(nanjing);
        assertThat(ids(schedule("?from=" + year + "-05-10&to=" + year + "-05-16&operator=chc"))).contains(nanjing);
        assertThat(ids(schedule("?from=" + year + "-05-10&to=" + year + "-05-16&operator=clean")))
                .doesNotContain(nanjing);
        assertThat(ids(schedule("?from=" + year + "-05-10&to=" + year + "-05-16&venue=VEN-none")))
                .as("a trip item has no venue").doesNotContain(nanjing, tokyoItem);
        assertThat(ids(new Api(port).as("chc").get("/api/schedule?from=" + year + "-05-10&to=" + year + "-05-16")
                .json())).as("an operator travelling with the trip").contains(nanjing, tokyoItem);
        assertThat(ids(new Api(port).as("clean").get("/api/schedule?from=" + year + "-05-10&to=" + year + "-05-16")
                .json())).as("an operator not travelling with it").doesNotContain(nanjing, tokyoItem);

        String feed = ok(desk.get("/api/schedule.ics?from=" + year + "-05-10&to=" + year + "-05-16")).body();
        assertThat(feed).contains("TZID:Europe/Copenhagen\r\n", "TZID:Asia/Shanghai\r\nX-LIC-LOCATION:Asia/Shanghai",
                "TZID:Asia/Tokyo\r\nX-LIC-LOCATION:Asia/Tokyo", "UID:" + nanjing + "@one-point-entry",
                "DTSTART;TZID=Asia/Shanghai:" + year + "0511T100000", "DTEND;TZID=Asia/Shanghai:" + year + "0511T120000",
                "DTSTART;TZID=Asia/Tokyo:" + year + "0512T090000", "LOCATION:Nanjing");
        assertThat(feed.split("TZID:Asia/Shanghai\r\n", -1)).as("each zone is defined once").hasSize(2);
        assertThat(feed.split("BEGIN:VTIMEZONE", -1)).as("Copenhagen, Shanghai and Tokyo").hasSize(4);
    }

    /**
     * A meeting on the trip set up for an operator that does not travel with it was in no calendar of that
     * operator's: it sees that item (not the trip, nor its other items), and the desk's filter by it finds it.
     */
    @Test
    void anItineraryItemForAnOperatorIsInThatOperatorsCalendar() {
        int year = 2030 + (int) (Math.random() * 60);
        String trip = plannedWithChc(year);
        String forClean = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Suzhou",
                 "counterpart":"Suzhou Industrial Park","objectiveOperator":"clean"}""".formatted(year, year)))
                .json().get("id").asString();
        Api.Response other = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-12T10:00:00","endsAt":"%d-05-12T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}""".formatted(year, year)));
        desk.getUntil("/api/trips/" + trip + "?minVersion=" + other.header("ETag").replace("\"", ""),
                r -> r.status() == 200, Duration.ofSeconds(10));
        String week = "?from=" + year + "-05-10&to=" + year + "-05-16";

        JsonNode cleans = new Api(port).as("clean").get("/api/schedule" + week).json();
        assertThat(ids(cleans)).contains(forClean).doesNotContain(trip, other.json().get("id").asString());
        // nor who travels: it saw "operators":["chc"] of a trip it is not part of
        assertThat(cleans.valueStream().filter(e -> e.get("id").asString().equals(forClean)).findFirst().orElseThrow()
                .path("operators").size()).isZero();
        assertThat(new Api(port).as("clean").get("/api/schedule.ics" + week).body())
                .contains("UID:" + forClean + "@one-point-entry").contains("Suzhou Industrial Park");
        assertThat(ids(schedule(week + "&operator=clean")))
                .contains(forClean).doesNotContain(trip, other.json().get("id").asString());
        assertThat(ids(new Api(port).as("woco").get("/api/schedule" + week).json())).doesNotContain(forClean);
        assertThat(ids(new Api(port).as("chc").get("/api/schedule" + week).json()))
                .as("the operator travelling sees the whole trip").contains(trip, forClean);
    }

    @Test
    void anItineraryItemOnACopenhagenDayOutsideTheTripsDatesShowsWithoutTheTrip() {
        int year = 2030 + (int) (Math.random() * 60);
        String trip = plannedWithChc(year);
        String early = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-10T06:00:00","endsAt":"%d-05-10T07:00:00","city":"Tokyo",
                 "counterpart":"Tokyo Metropolitan Government","timeZone":"Asia/Tokyo"}""".formatted(year, year)))
                .json().get("id").asString();
        Api.Response late = ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-16T20:00:00","endsAt":"%d-05-16T21:00:00","city":"Los Angeles",
                 "counterpart":"Port of Los Angeles","timeZone":"America/Los_Angeles"}""".formatted(year, year)));
        desk.getUntil("/api/trips/" + trip + "?minVersion=" + late.header("ETag").replace("\"", ""),
                r -> r.status() == 200, Duration.ofSeconds(10));

        assertThat(ids(schedule("?from=" + year + "-05-09&to=" + year + "-05-09")))
                .as("06:00 in Tokyo on the trip's first day is 23:00 the day before in Copenhagen")
                .contains(early).doesNotContain(trip);
        assertThat(ids(schedule("?from=" + year + "-05-17&to=" + year + "-05-17")))
                .as("20:00 in Los Angeles on the trip's last day is 05:00 the day after in Copenhagen")
                .contains(late.json().get("id").asString()).doesNotContain(trip);
        assertThat(ids(schedule("?from=" + year + "-05-16&to=" + year + "-05-16")))
                .contains(trip).doesNotContain(early, late.json().get("id").asString());
        assertThat(ids(schedule("?from=" + year + "-05-08&to=" + year + "-05-08"))).doesNotContain(trip, early);
    }

    @Test
    void aTimeZoneThatIsNotAnIanaIdIsRefusedNamingTheField() {
        int year = 2030 + (int) (Math.random() * 60);
        String trip = plannedWithChc(year);
        for (String zone : List.of("+08:00", "China Standard Time", "Asia/Nowhere", "SystemV/AST4")) {
            Api.Response refused = desk.post("/api/trips/" + trip + "/itinerary-items", """
                    {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                     "counterpart":"Host","timeZone":"%s"}""".formatted(year, year, zone));
            assertThat(refused.status()).as(zone).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_TIME_ZONE");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        }
    }

    @Test
    void anItineraryItemStoredWithoutATimeZoneReadsAsChinaStandardTime() {
        int year = 2030 + (int) (Math.random() * 60);
        String trip = plannedWithChc(year);
        String payload = """
                {"tripId":{"value":"%s"},"itemId":"ITI-old","startsAt":"%d-05-13T15:00:00",
                 "endsAt":"%d-05-13T16:30:00","city":"Suzhou","counterpart":"Suzhou Foreign Affairs Office",
                 "description":null,"objectiveOperator":null,"objectiveCompany":null}""".formatted(trip, year, year);
        OldRevisions.append(engine, eventSerializer, "Trip", trip, 2, ItineraryItemAddedEvent.class.getName(), "1",
                payload.getBytes(StandardCharsets.UTF_8), Map.of("actor", "desk", "actorRole", "DESK"));

        JsonNode view = ok(desk.get("/api/trips/" + trip + "?minVersion=2")).json();
        JsonNode old = item(view.get("itinerary"), "itemId", "ITI-old");
        assertThat(old.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(old.get("startsAt").asString()).isEqualTo(year + "-05-13T15:00:00+08:00");
        assertThat(item(schedule("?from=" + year + "-05-13&to=" + year + "-05-13"), "id", "ITI-old")
                .get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(ok(desk.post("/api/trips/" + trip + "/approval", "", Map.of("If-Match", "\"2\""))).header("ETag"))
                .as("the aggregate reads the old item as its itinerary").isEqualTo("\"3\"");
    }

    @Test
    void aTripReadWaitsForTheVersionTheClientAsksFor() {
        int year = 2030 + (int) (Math.random() * 60);
        Api.Response planned = ok(desk.post("/api/trips", TripPlan.of(year).extraordinary("Read your writes").json()));
        String trip = planned.json().get("id").asString();

        Api.Response appeared = desk.get("/api/trips/" + trip + "?minVersion=0");
        assertThat(appeared.status()).as("a just-planned trip is waited for").isEqualTo(200);
        Api.Response added = ok(desk.post("/api/trips/" + trip + "/participants",
                "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}"));
        Api.Response reached = desk.get("/api/trips/" + trip + "?minVersion=" + added.header("ETag").replace("\"", ""));
        assertThat(reached.status()).isEqualTo(200);
        assertThat(reached.header("ETag")).isEqualTo("\"1\"");
        assertThat(reached.json().get("participants").size()).isEqualTo(1);

        Api.Response behind = desk.get("/api/trips/" + trip + "?minVersion=9");
        assertThat(behind.status()).isEqualTo(409);
        assertThat(behind.json().get("code").asString()).isEqualTo("PROJECTION_BEHIND");
        assertThat(desk.get("/api/trips/TRP-unknown?minVersion=1").json().get("code").asString())
                .isEqualTo("TRIP_NOT_FOUND");
        assertThat(desk.get("/api/trips/" + trip + "?minVersion=-1").status()).isEqualTo(400);
    }

    /** A trip of {@code year} with chc travelling, as seen by the trip view. */
    private String plannedWithChc(int year) {
        String trip = ok(desk.post("/api/trips", TripPlan.of(year).extraordinary("Schedule test").json()))
                .json().get("id").asString();
        ok(desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OPERATOR","name":"Cluster lead","organisation":"Copenhagen Healthtech Cluster","operatorId":"chc"}"""));
        desk.getUntil("/api/trips/" + trip + "?minVersion=1", r -> r.status() == 200, Duration.ofSeconds(10));
        return trip;
    }

    private JsonNode schedule(String query) {
        return ok(desk.get("/api/schedule" + query)).json();
    }

    private static List<String> ids(JsonNode entries) {
        return entries.valueStream().map(e -> e.get("id").asString()).toList();
    }

    private static JsonNode item(JsonNode array, String field, String value) {
        return array.valueStream().filter(e -> e.path(field).asString("").equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
    }
}
