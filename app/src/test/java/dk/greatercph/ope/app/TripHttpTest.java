package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TripPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The outgoing political trip through the real application: plan, staff, approve, complete; rule R7. */
@OpeIntegrationTest
class TripHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api desk;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
    }

    /** A trip's report says what it brought: an approved trip is not completed before its first day. */
    @Test
    void anApprovedTripIsNotCompletedBeforeItBegins() {
        String trip = desk.post("/api/trips", TripPlan.of(2099).extraordinary("Not yet").json()).json().get("id").asString();
        desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}");
        desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"2099-05-11T10:00:00","endsAt":"2099-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}""");
        Api.Response approved = desk.post("/api/trips/" + trip + "/approval", "");
        assertThat(approved.status()).isEqualTo(200);

        Api.Response early = desk.post("/api/trips/" + trip + "/completion", "{\"outcomes\":\"Not yet\"}");

        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("TRIP_NOT_BEGUN");
        JsonNode after = desk.getUntil("/api/trips/" + trip + "?minVersion=" + approved.json().get("version").asLong(),
                r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(after.get("status").asString()).isEqualTo("APPROVED");
        assertThat(after.get("version").asLong()).isEqualTo(approved.json().get("version").asLong());
    }

    @Test
    void planStaffApproveAndCompleteATrip() {
        int year = freeYear(jdbc);
        Api.Response planned = desk.post("/api/trips", plan(year, null));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String trip = planned.json().get("id").asString();
        assertThat(planned.header("Location")).isEqualTo("/api/trips/" + trip);

        Api.Response chair = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":"The Chair","title":"Chair of the Regional Council","organisation":"Region Hovedstaden"}""");
        assertThat(chair.status()).isEqualTo(201);
        assertThat(chair.header("ETag")).isEqualTo("\"1\"");
        assertThat(desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OPERATOR","name":"Cluster lead","organisation":"Copenhagen Healthtech Cluster","operatorId":"chc"}""")
                .status()).isEqualTo(201);
        Api.Response meeting = desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office","description":"Renewal of the agreement",
                 "objectiveOperator":"region"}""".formatted(year, year));
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);

        Api.Response stale = desk.post("/api/trips/" + trip + "/approval", "", Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");
        Api.Response approved = desk.post("/api/trips/" + trip + "/approval", "", Map.of("If-Match", "\"3\""));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.header("ETag")).isEqualTo("\"4\"");

        Api.Response completed = desk.post("/api/trips/" + trip + "/completion", """
                {"outcomes":"Agreement renewed; three investment leads","agreementsSigned":["MoU on health cooperation"],
                 "followUps":[{"operatorId":"copcap","action":"Follow up the battery plant lead"}]}""");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);

        JsonNode view = desk.getUntil("/api/trips/" + trip,
                r -> r.status() == 200 && r.json().get("status").asString().equals("COMPLETED"), Duration.ofSeconds(10)).json();
        assertThat(view.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(view.get("extraordinary").asBoolean()).isFalse();
        assertThat(view.get("participants").size()).isEqualTo(2);
        assertThat(view.get("itinerary").get(0).get("counterpart").asString()).isEqualTo("Jiangsu Foreign Affairs Office");
        assertThat(view.get("report").get("followUps").get(0).get("operatorId").asString()).isEqualTo("copcap");
        assertThat(view.get("version").asLong()).isEqualTo(5);

        // the follow-up reaches the operator it was handed to: it was on the desk's trip page only
        Api.Response handed = new Api(port).as("copcap").get("/api/operators/copcap/trip-follow-ups");
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        assertThat(handed.json().valueStream().filter(f -> f.get("tripId").asString().equals(trip)))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("action").asString()).isEqualTo("Follow up the battery plant lead");
                    assertThat(f.get("year").asInt()).isEqualTo(year);
                });
        assertThat(new Api(port).as("chc").get("/api/operators/chc/trip-follow-ups").body()).doesNotContain(trip);
        assertThat(new Api(port).as("chc").get("/api/operators/copcap/trip-follow-ups").status())
                .as("another operator's, as its inbox").isEqualTo(404);
        assertThat(dk.greatercph.ope.app.web.support.PageSession.signedIn(port, "copcap").get("/inbox").body())
                .as("on the operator's inbox page").contains("id=\"trip-follow-ups\"", "Follow up the battery plant lead");
    }

    @Test
    void aSecondTripInTheSameYearNeedsAReasonAndIsThenExtraordinary() {
        int year = freeYear(jdbc);
        assertThat(desk.post("/api/trips", plan(year, null)).status()).isEqualTo(201);

        Api.Response refused = desk.post("/api/trips", plan(year, null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("ANNUAL_TRIP_EXISTS");

        Api.Response extraordinary = desk.post("/api/trips", plan(year, "Signing of the renewed agreement"));
        assertThat(extraordinary.status()).isEqualTo(201);
        String id = extraordinary.json().get("id").asString();
        JsonNode view = desk.getUntil("/api/trips/" + id, r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(view.get("extraordinary").asBoolean()).isTrue();
        assertThat(view.get("extraordinaryReason").asString()).isEqualTo("Signing of the renewed agreement");
    }

    /** The year's first trip with a reason became the annual trip, its reason dropped, and the annual one was refused. */
    @Test
    void aTripWithAReasonIsExtraordinaryAlsoAsTheYearsFirst() {
        int year = freeYear(jdbc);

        Api.Response extraordinary = desk.post("/api/trips", plan(year, "Signing ceremony"));

        assertThat(extraordinary.status()).as(extraordinary.body()).isEqualTo(201);
        JsonNode view = desk.getUntil("/api/trips/" + extraordinary.json().get("id").asString(),
                r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(view.get("extraordinary").asBoolean()).isTrue();
        assertThat(view.get("extraordinaryReason").asString()).isEqualTo("Signing ceremony");
        assertThat(jdbc.sql("SELECT count(*) FROM annual_trip WHERE year = :year").param("year", year)
                .query(Long.class).single()).as("the annual trip's place stays free").isZero();
    }

    @Test
    void cancellingTheAnnualTripFreesTheYear() {
        int year = freeYear(jdbc);
        String annual = desk.post("/api/trips", plan(year, null)).json().get("id").asString();

        assertThat(desk.post("/api/trips/" + annual + "/cancellation", "{\"reason\":\"Postponed by the host\"}")
                .status()).isEqualTo(200);

        assertThat(desk.post("/api/trips", plan(year, null)).status()).isEqualTo(201);
    }

    /** A command the trip's state no longer allows is a conflict (409), as a closed delegation's is; trips said 422. */
    @Test
    void aCommandTheTripsStateNoLongerAllowsIsAConflict() {
        int year = freeYear(jdbc);
        String trip = desk.post("/api/trips", plan(year, "State conflicts")).json().get("id").asString();
        Lifecycle.ok(desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":"The Chair","organisation":"Region Hovedstaden"}"""));
        Api.Response early = desk.post("/api/trips/" + trip + "/completion", "{\"outcomes\":\"Too early\"}");
        Lifecycle.ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}""".formatted(year, year)));
        Lifecycle.ok(desk.post("/api/trips/" + trip + "/approval", ""));
        Api.Response participant = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":"Late","organisation":"Region Hovedstaden"}""");
        Lifecycle.ok(desk.post("/api/trips/" + trip + "/cancellation", "{\"reason\":\"Postponed\"}"));
        Api.Response again = desk.post("/api/trips/" + trip + "/cancellation", "{\"reason\":\"Twice\"}");

        assertProblem(early, 409, "TRIP_NOT_APPROVED");
        assertProblem(participant, 409, "TRIP_NOT_OPEN");
        assertProblem(again, 409, "TRIP_CLOSED");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }

    @Test
    void approvingAnUnstaffedTripIsARuleRefusal() {
        String trip = desk.post("/api/trips", plan(freeYear(jdbc), null)).json().get("id").asString();

        Api.Response refused = desk.post("/api/trips/" + trip + "/approval", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("TRIP_NOT_READY");
    }

    /**
     * A local time the clocks skip in the item's zone does not exist: 02:30–03:30 as daylight saving time began was
     * recorded as sent and shown as 03:30–03:30 in every view.
     */
    @Test
    void anItineraryTimeTheClocksSkipIsRefusedNamingIt() {
        int year = freeYear(jdbc);
        String trip = desk.post("/api/trips", plan(year, null)).json().get("id").asString();
        java.time.LocalDate springForward = java.time.LocalDate.of(year, 3, 31)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));

        Api.Response item = itineraryItem(trip, springForward + "T02:30:00", springForward + "T03:30:00",
                ",\"timeZone\":\"Europe/Copenhagen\"");

        assertRefused(item, "INVALID_FIELD", "startsAt");
    }

    /**
     * In the hour the clocks show twice as daylight saving time ends, an item is kept in local time and read at the
     * earlier offset: 02:15+01:00 was recorded as 02:15+02:00, and an item that ends before it starts was taken.
     */
    @Test
    void anItineraryMomentInTheRepeatedHourThatWouldNotBeKeptIsRefusedNamingIt() {
        // extraordinary, so that it takes none of the few free years the annual trips of the other tests need
        int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2030, 2100);
        String trip = desk.post("/api/trips", plan(year, "Clock change")).json().get("id").asString();
        java.time.LocalDate fallBack = java.time.LocalDate.of(year, 10, 31)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.SUNDAY));
        String zone = ",\"timeZone\":\"Europe/Copenhagen\"";

        Api.Response backwards = itineraryItem(trip, fallBack + "T02:15:00+01:00", fallBack + "T02:30:00+02:00", zone);
        Api.Response secondPass = itineraryItem(trip, fallBack + "T02:30:00+02:00", fallBack + "T02:15:00+01:00", zone);
        Api.Response shifted = itineraryItem(trip, fallBack + "T02:30:00+01:00", fallBack + "T03:00:00+01:00", zone);

        assertRefused(backwards, "INVALID_TIME_SLOT", "endsAt");
        assertRefused(secondPass, "INVALID_FIELD", "endsAt");
        assertThat(secondPass.body()).contains("twice");
        assertRefused(shifted, "INVALID_FIELD", "startsAt");
        // without an offset, which of the two was meant is unknown: it was taken as the earlier without a word
        Api.Response unsaid = itineraryItem(trip, fallBack + "T02:30:00", fallBack + "T04:00:00", zone);
        assertRefused(unsaid, "INVALID_FIELD", "startsAt");
        assertThat(unsaid.body()).contains("give it with its offset");
        String around = desk.post("/api/trips", TripPlan.of(year).to("Copenhagen")
                .dates(fallBack.minusDays(1).toString(), fallBack.plusDays(1).toString()).extraordinary("Clock change")
                .json()).json().get("id").asString();
        Api.Response said = itineraryItem(around, fallBack + "T02:30:00+02:00", fallBack + "T04:00:00", zone);
        assertThat(said.status()).as(said.body()).isEqualTo(201);
    }

    /**
     * The schema says date-time, and API.md that times carry their offset, but every itinerary time with one was
     * refused as "wrong type or format". It is read in the item's zone; a local time is as before.
     */
    @Test
    void anItineraryTimeWithAnOffsetIsReadInTheItemsZone() {
        int year = freeYear(jdbc);
        String trip = desk.post("/api/trips", plan(year, null)).json().get("id").asString();

        Api.Response item = itineraryItem(trip, year + "-05-11T02:00:00Z", year + "-05-11T12:00+08:00", "");

        assertThat(item.status()).as(item.body()).isEqualTo(201);
        JsonNode shown = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200
                && r.json().get("itinerary").size() == 1, Duration.ofSeconds(10)).json().get("itinerary").get(0);
        assertThat(shown.get("startsAt").asString()).isEqualTo(year + "-05-11T10:00:00+08:00");
        assertThat(shown.get("endsAt").asString()).isEqualTo(year + "-05-11T12:00:00+08:00");
        assertRefused(itineraryItem(trip, year + "-05-11 10:00", year + "-05-11T12:00:00", ""), "INVALID_FIELD",
                "startsAt");
    }

    /** A time sent as an object was read as a time without parts: {@code "endsAt":{}} failed with a 500. */
    @Test
    void anItineraryTimeSentAsAnObjectIsRefusedNamingIt() {
        int year = freeYear(jdbc);
        // extraordinary, so that it leaves the year's annual trip to the tests that need one
        String trip = desk.post("/api/trips", plan(year, "Object times")).json().get("id").asString();

        for (String field : List.of("startsAt", "endsAt")) {
            for (String object : List.of("{}", "{\"local\":\"" + year + "-05-11T10:00:00\"}")) {
                String body = """
                        {"startsAt":"%1$d-05-11T10:00:00","endsAt":"%1$d-05-11T12:00:00","city":"Nanjing",
                         "counterpart":"Itinerary Office"}""".formatted(year)
                        .replace("\"" + field + "\":\"" + year + "-05-11T1" + (field.equals("startsAt") ? "0" : "2")
                                + ":00:00\"", "\"" + field + "\":" + object);
                Api.Response item = desk.post("/api/trips/" + trip + "/itinerary-items", body);
                assertThat(item.status()).as(body + " " + item.body()).isEqualTo(400);
                assertThat(item.body()).as(body).contains("\"field\":\"" + field + "\"");
            }
        }
    }

    /** A form with the zone "China" and an end before its start was told the zone, and then the end. */
    @Test
    void anItineraryItemsZoneAndTheOrderOfItsTimesAreNamedTogether() {
        // an extraordinary trip in a later year: the years free for an annual trip are few, and shared
        int year = 2097;
        String trip = desk.post("/api/trips", plan(year, "Time zone test")).json().get("id").asString();

        Api.Response both = itineraryItem(trip, year + "-05-12T11:00:00", year + "-05-12T10:00:00",
                ",\"timeZone\":\"China\"");
        Api.Response backwards = itineraryItem(trip, year + "-05-12T11:00:00", year + "-05-12T10:00:00", "");
        Api.Response zone = itineraryItem(trip, year + "-05-12T10:00:00", year + "-05-12T11:00:00",
                ",\"timeZone\":\"China\"");

        assertRefused(both, "VALIDATION_FAILED", null);
        assertThat(both.json().get("errors").valueStream().map(e -> e.get("field").asString() + "="
                + e.path("code").asString("-"))).containsExactlyInAnyOrder("timeZone=INVALID_TIME_ZONE",
                "endsAt=INVALID_TIME_SLOT");
        assertRefused(backwards, "INVALID_TIME_SLOT", "endsAt");
        assertRefused(zone, "INVALID_TIME_ZONE", "timeZone");
    }

    /** An item starting on the trip's last day and ending after it was refused naming its start. */
    @Test
    void anItineraryItemEndingAfterTheTripIsRefusedNamingItsEnd() {
        int year = freeYear(jdbc);
        String trip = desk.post("/api/trips", plan(year, null)).json().get("id").asString();

        Api.Response item = itineraryItem(trip, year + "-05-16T23:30:00", year + "-05-17T01:00:00", "");

        assertRefused(item, "OUTSIDE_TRIP", "endsAt");
    }

    /** An operator the trip names must exist: "nobody" was recorded, and counted in the annual report. */
    @Test
    void anUnknownOperatorOnATripIsARuleRefusal() {
        int year = freeYear(jdbc);
        String trip = desk.post("/api/trips", plan(year, null)).json().get("id").asString();

        Api.Response participant = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OPERATOR","name":"Nobody","organisation":"None","operatorId":"nobody"}""");
        Api.Response item = desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office","objectiveOperator":"nobody"}""".formatted(year, year));

        assertThat(participant.status()).as(participant.body()).isEqualTo(422);
        assertThat(participant.json().get("code").asString()).isEqualTo("UNKNOWN_OPERATOR");
        assertThat(item.status()).as(item.body()).isEqualTo(422);
        assertThat(item.json().get("code").asString()).isEqualTo("UNKNOWN_OPERATOR");
        desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":"The Chair","organisation":"Region Hovedstaden"}""");
        desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}""".formatted(year, year));
        Lifecycle.ok(desk.post("/api/trips/" + trip + "/approval", ""));
        Api.Response completed = desk.post("/api/trips/" + trip + "/completion", """
                {"outcomes":"Done","followUps":[{"operatorId":"nobody","action":"Call"}]}""");
        assertThat(completed.status()).as(completed.body()).isEqualTo(422);
        assertThat(completed.json().get("code").asString()).isEqualTo("UNKNOWN_OPERATOR");
        // each names the field it refuses, as the edge's refusals do
        assertThat(participant.json().get("errors").get(0).get("field").asString()).isEqualTo("operatorId");
        assertThat(item.json().get("errors").get(0).get("field").asString()).isEqualTo("objectiveOperator");
        assertThat(completed.json().get("errors").get(0).get("field").asString()).isEqualTo("followUps[0].operatorId");
    }

    /** A politician naming chc made chc see the trip as one it travels with. */
    @Test
    void onlyAnOperatorsParticipantNamesAnOperator() {
        String trip = desk.post("/api/trips", TripPlan.of(2099).extraordinary("Participants").json()).json()
                .get("id").asString();

        Api.Response refused = desk.post("/api/trips/" + trip + "/participants",
                "{\"kind\":\"POLITICIAN\",\"name\":\"P\",\"operatorId\":\"chc\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("OPERATOR_NOT_EXPECTED");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("operatorId");
    }

    /** One person is one participant: the same person was added to a trip twice. */
    @Test
    void thePersonOfAParticipantIsNotAddedTwice() {
        String trip = desk.post("/api/trips", plan(freeYear(jdbc), null)).json().get("id").asString();
        String first = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OFFICIAL","name":"An Official","organisation":"Region Hovedstaden"}""").json().get("id").asString();
        String person = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200
                        && r.json().get("participants").size() == 1, Duration.ofSeconds(10))
                .json().get("participants").get(0).get("personId").asString();

        Api.Response again = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OFFICIAL","name":"An Official","organisation":"Region Hovedstaden","personId":"%s"}"""
                .formatted(person));

        assertThat(first).isNotBlank();
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("PARTICIPANT_EXISTS");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("personId");
    }

    /**
     * A mistyped itinerary item, or one no longer happening, stayed until the whole trip was cancelled: it is removed
     * while the trip is planned, from the trip's view and the schedule, and once only.
     */
    @Test
    void anItineraryItemIsRemovedWhileTheTripIsPlanned() {
        int year = 2096;
        String trip = desk.post("/api/trips", TripPlan.of(year).extraordinary("Itinerary removal").json())
                .json().get("id").asString();
        String kept = Lifecycle.ok(itineraryItem(trip, year + "-05-11T10:00:00", year + "-05-11T12:00:00", ""))
                .json().get("id").asString();
        String mistyped = Lifecycle.ok(itineraryItem(trip, year + "-05-12T10:00:00", year + "-05-12T12:00:00", ""))
                .json().get("id").asString();

        Api.Response removed = desk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + "/api/trips/" + trip + "/itinerary-items/" + mistyped)).DELETE(), Map.of());
        Api.Response again = desk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + "/api/trips/" + trip + "/itinerary-items/" + mistyped)).DELETE(), Map.of());

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode view = desk.getUntil("/api/trips/" + trip + "?minVersion=" + removed.json().get("version").asLong(),
                r -> r.status() == 200, Duration.ofSeconds(10)).json();
        assertThat(view.get("itinerary").valueStream().map(i -> i.get("itemId").asString())).containsExactly(kept);
        assertThat(desk.get("/api/schedule?from=" + year + "-05-10&to=" + year + "-05-16").body())
                .contains(kept).doesNotContain(mistyped);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asString()).isEqualTo("ITINERARY_ITEM_NOT_FOUND");
        assertThat(view.get("status").asString()).isEqualTo("PROGRAMME_DRAFTED");

        // the last item gone, the trip is planned again: it read "programme drafted" with nothing in it
        Api.Response last = desk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                + port + "/api/trips/" + trip + "/itinerary-items/" + kept)).DELETE(), Map.of());
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(desk.getUntil("/api/trips/" + trip + "?minVersion=" + last.json().get("version").asLong(),
                r -> r.status() == 200, Duration.ofSeconds(10)).json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(desk.post("/api/trips/" + trip + "/approval", "").json().get("code").asString())
                .isEqualTo("TRIP_NOT_READY");
        Api.Response added = Lifecycle.ok(itineraryItem(trip, year + "-05-13T10:00:00", year + "-05-13T12:00:00", ""));
        assertThat(desk.getUntil("/api/trips/" + trip + "?minVersion=" + added.json().get("version").asLong(),
                r -> r.status() == 200, Duration.ofSeconds(10)).json().get("status").asString())
                .isEqualTo("PROGRAMME_DRAFTED");
    }

    /** The leader's person id with another name made one person of two names; the same name in other case is one. */
    @Test
    void theLeadersPersonIdCarriesTheLeadersName() {
        // extraordinary, so that it takes none of the few years without an annual trip the other tests need
        String trip = desk.post("/api/trips", TripPlan.of(2098).ledBy("Sophie Hæstorp Andersen")
                .extraordinary("Leader test").json()).json().get("id").asString();
        String leader = desk.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(10))
                .json().get("leaderPersonId").asString();

        Api.Response other = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":"Someone Else","personId":"%s"}""".formatted(leader));
        Api.Response same = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"POLITICIAN","name":" sophie hæstorp andersen ","personId":"%s"}""".formatted(leader));

        assertRefused(other, "PERSON_NAME_MISMATCH", "name");
        assertThat(same.status()).as(same.body()).isEqualTo(201);
    }

    /** ["Nanjing", "Nanjing"] was a trip to Nanjing twice, where a theme named twice is refused. */
    @Test
    void aTripNamesEachDestinationOnce() {
        Api.Response twice = desk.post("/api/trips", TripPlan.of(2096).to("Nanjing", "Suzhou", " nanjing")
                .extraordinary("Destinations test").json());

        assertRefused(twice, "DUPLICATE_DESTINATION", "destinations[2]");
        // a word joiner before the name showed nothing, and made it another destination
        assertRefused(desk.post("/api/trips", TripPlan.of(2096).to("Nanjing", "\u2060Nan\u00adjing")
                .extraordinary("Destinations test").json()), "DUPLICATE_DESTINATION", "destinations[1]");
    }

    /**
     * Venue and partner names are compared as people read them, also without the characters that show nothing: six
     * venues read "Regionsgården" in the pickers, each under its own id. A direction override, which makes a name read
     * otherwise than it is stored, is refused in any text.
     */
    @Test
    void namesDifferingOnlyInWhatShowsNothingAreOneName() {
        String name = "Regionsgården " + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(desk.post("/api/venues", "{\"name\":\"" + name + "\",\"capacity\":40}").status()).isEqualTo(201);
        // and letters of other alphabets drawn as a Latin letter: a Cyrillic "е", a Greek "ο", a dotless "ı"
        for (String lookalike : List.of(name + "\\u200b", "Re\\u00adgions\\u00adgården" + name.substring(13),
                "\\u2060" + name, name + "\\ufeff", name.replace(" ", "\\u200d "), "R\\u0435" + name.substring(2),
                "Regi\\u03bfnsgården" + name.substring(13), "Reg\\u0131onsgården" + name.substring(13))) {
            Api.Response again = desk.post("/api/venues", "{\"name\":\"" + lookalike + "\",\"capacity\":40}");
            assertThat(again.status()).as(lookalike + ": " + again.body()).isEqualTo(409);
            assertThat(again.json().get("code").asString()).isEqualTo("DUPLICATE_NAME");
        }
        String partner = "Partner " + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(desk.post("/api/partners", "{\"name\":\"" + partner + "\",\"kind\":\"COMPANY\"}").status())
                .isEqualTo(201);
        assertThat(desk.post("/api/partners", "{\"name\":\"" + partner + "\\u200b\",\"kind\":\"COMPANY\"}")
                .status()).isEqualTo(409);
        assertThat(desk.post("/api/partners", "{\"name\":\"P\\u0430rtner" + partner.substring(7)
                + "\",\"kind\":\"COMPANY\"}").status()).as("a Cyrillic a").isEqualTo(409);

        Api.Response override = desk.post("/api/venues", "{\"name\":\"\\u202eZed " + name + "\",\"capacity\":4}");
        assertRefused(override, "INVALID_TEXT", "name");
        assertThat(override.body()).contains("U+202E");
    }

    /**
     * One person id, one name, wherever the id is given: a member's id given to another delegation's member, a trip's
     * participant and a trip's leader with three other names made one person of four people, so that each one's
     * right of access showed the others and erasing "one" erased all. The same name in other case and spacing is one.
     */
    @Test
    void aPersonIdCarriesOneNameAcrossDelegationsAndTrips() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String first = lifecycle.registeredAndScreened(Requests.delegation("Names one " + java.util.UUID.randomUUID()));
        String second = lifecycle.registeredAndScreened(Requests.delegation("Names two " + java.util.UUID.randomUUID()));
        String person = Lifecycle.ok(desk.post("/api/delegations/" + first + "/members", "{\"name\":\"Alice Andersen\"}"))
                .json().get("personId").asString();
        String trip = desk.post("/api/trips", TripPlan.of(2097).extraordinary("Names test").json()).json()
                .get("id").asString();

        Api.Response member = desk.post("/api/delegations/" + second + "/members",
                "{\"name\":\"Bob Bennett\",\"personId\":\"" + person + "\"}");
        Api.Response participant = desk.post("/api/trips/" + trip + "/participants", """
                {"kind":"OFFICIAL","name":"Carol Christensen","personId":"%s"}""".formatted(person));
        Api.Response leader = desk.post("/api/trips", TripPlan.of(2097).ledBy("Dan Doe").ledByPerson(person)
                .extraordinary("Names test, led").json());
        Api.Response same = desk.post("/api/delegations/" + second + "/members",
                "{\"name\":\"  alice   ANDERSEN \",\"personId\":\"" + person + "\"}");

        assertRefused(member, "PERSON_NAME_MISMATCH", "name");
        assertRefused(participant, "PERSON_NAME_MISMATCH", "name");
        assertRefused(leader, "PERSON_NAME_MISMATCH", "leader");
        assertThat(same.status()).as(same.body()).isEqualTo(201);
        JsonNode held = desk.getUntil("/api/persons/" + person, r -> r.status() == 200
                && r.json().get("appearances").size() == 2, Duration.ofSeconds(10)).json();
        assertThat(held.toString()).doesNotContain("Bob Bennett", "Carol Christensen", "Dan Doe");
    }

    /**
     * A year with no annual trip yet in this database, so that tests sharing it do not collide; a past one, so that
     * its trip can be completed (not before it has begun).
     */
    static int freeYear(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT y FROM generate_series(2013, 2025) y
                WHERE y NOT IN (SELECT year FROM annual_trip) ORDER BY random() LIMIT 1""").query(Integer.class).single();
    }

    /**
     * An id of another kind of record names no trip, and a trip's id names no delegation: 404, where the aggregate
     * loaded from the other kind's events was an unexpected error (500).
     */
    @Test
    void anIdOfAnotherKindOfRecordIsNotFound() {
        String trip = desk.post("/api/trips", plan(freeYear(jdbc), null)).json().get("id").asString();
        Api.Response registered = desk.post("/api/delegations", Requests.delegation("Kind " + trip));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String delegation = registered.json().get("id").asString();

        for (Api.Response response : List.of(desk.post("/api/trips/" + delegation + "/approval", ""),
                desk.post("/api/trips/chc/cancellation", "{\"reason\":\"Kind\"}"),
                desk.post("/api/delegations/" + trip + "/withdrawal", "{\"reason\":\"Kind\"}"),
                desk.post("/api/delegations/" + trip + "/confirmation", ""))) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        for (String id : List.of(trip, delegation)) {
            assertThat(jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?").param(id)
                    .query(Long.class).single()).as("events of %s", id).isEqualTo(1);
        }
    }

    /** Adds an itinerary item in Nanjing from {@code startsAt} to {@code endsAt}, with {@code more} JSON fields. */
    /**
     * A plan's dates were checked only once its fields were right: a plan without a title whose dates were in the
     * wrong year was told of the title, then, sent again, of the dates. Now together, each rule naming its code.
     */
    @Test
    void aPlansDateRulesAreNamedWithItsFieldsAtOnce() {
        int year = 2097; // no test plans a trip of it; the years with no annual trip yet are few, and the suite's
        long annual = jdbc.sql("SELECT count(*) FROM annual_trip WHERE year = ?").param(year).query(Long.class).single();
        Api.Response all = desk.post("/api/trips", TripPlan.of(year).titled("")
                .dates((year + 1) + "-05-10", (year + 1) + "-05-01").json());
        Api.Response alone = desk.post("/api/trips", TripPlan.of(year).dates(year + "-05-10", year + "-05-09").json());
        Api.Response wrongYear = desk.post("/api/trips", TripPlan.of(year).dates((year - 1) + "-12-30",
                year + "-01-02").json());

        assertRefused(all, "VALIDATION_FAILED", null);
        assertThat(all.json().get("errors").valueStream()
                .map(e -> e.get("field").asString() + "=" + e.path("code").asString("-")))
                .containsExactlyInAnyOrder("title=-", "endDate=INVALID_DATES", "startDate=YEAR_MISMATCH");
        assertRefused(alone, "INVALID_DATES", "endDate");
        assertRefused(wrongYear, "YEAR_MISMATCH", "startDate");
        // a trip ending 68 years later was planned, and stood in every schedule of the years after
        assertRefused(desk.post("/api/trips", TripPlan.of(year).dates(year + "-05-10", "2165-05-16").json()),
                "TRIP_TOO_LONG", "endDate");
        assertThat(desk.post("/api/trips", TripPlan.of(year).dates(year + "-05-10", year + "-07-09")
                .extraordinary("Sixty days").json()).status()).as("60 days after it starts").isEqualTo(201);
        assertRefused(desk.post("/api/trips", TripPlan.of(year).dates(year + "-05-10", year + "-07-10")
                .extraordinary("Sixty-one days").json()), "TRIP_TOO_LONG", "endDate");
        // none of them became the year's annual trip
        assertThat(jdbc.sql("SELECT count(*) FROM annual_trip WHERE year = ?").param(year).query(Long.class).single())
                .isEqualTo(annual);
    }

    private Api.Response itineraryItem(String trip, String startsAt, String endsAt, String more) {
        return desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%s","endsAt":"%s","city":"Nanjing","counterpart":"Itinerary Office"%s}"""
                .formatted(startsAt, endsAt, more));
    }

    private static void assertRefused(Api.Response refused, String code, String field) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    static String plan(int year, String reason) {
        return TripPlan.of(year).to("Nanjing", "Suzhou").extraordinary(reason).json();
    }
}
