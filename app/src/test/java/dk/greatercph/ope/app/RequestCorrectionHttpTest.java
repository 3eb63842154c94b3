package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The desk corrects a registered request: every view reads the correction, and the routing's facts stay. */
@OpeIntegrationTest
class RequestCorrectionHttpTest {

    @LocalServerPort
    int port;

    Lifecycle lifecycle;
    Api desk;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(new Api(port));
        desk = lifecycle.desk();
    }

    /** The correction's body: the request as it should read. */
    private static String corrected(String organisation, String country, String province, int headCount,
                                    String themes, String dateReceived, String reason) {
        return """
                {"channel":"DIRECT","requestingOrganisation":"%s","country":"%s","originProvince":%s,
                 "originCity":"Suzhou","delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL",
                 "headCount":%d,"wishedFrom":"2027-04-13","wishedTo":"2027-04-17","themes":[%s],
                 "purpose":"Study visit, corrected","dateReceived":"%s","reason":%s}
                """.formatted(organisation, country, province == null ? "null" : "\"" + province + "\"", headCount,
                themes, dateReceived, reason == null ? "null" : "\"" + reason + "\"");
    }

    @Test
    void theBoardTheKpisAndTheHistoryReadTheCorrectedRequest() {
        String organisation = "Correction " + UUID.randomUUID();
        Api.Response created = desk.post("/api/delegations", Requests.receivedOn(
                Requests.delegation(organisation).replace("\"originProvince\":\"Jiangsu\"",
                        "\"country\":\"NR\",\"originProvince\":null"), "2014-03-04"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String path = "/api/delegations/" + id + "/request";

        Api.Response refused = desk.put(path, corrected(organisation, "TV", null, 0, "\"HEALTH_WELFARE_TECH\"",
                "2013-05-02", null));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("headCount", "reason");
        assertThat(desk.put(path, """
                {"channel":"DIRECT","requestingOrganisation":"X","delegationType":"ADMINISTRATIVE",
                 "politicalLevel":"PROVINCIAL","headCount":3,"wishedFrom":"2027-04-13","wishedTo":"2027-04-17",
                 "themes":["HEALTH_WELFARE_TECH"],"reason":"r"}""").body())
                .as("nothing defaults in a correction").contains("country", "dateReceived");

        Api.Response done = desk.put(path, corrected(organisation + " Ltd", "TV", null, 14,
                "\"HEALTH_WELFARE_TECH\"", "2013-05-02", "The embassy wrote that two more will come"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("version").asLong()).isEqualTo(1);
        Api.Response again = desk.put(path, corrected(organisation + " Ltd", "TV", null, 14,
                "\"HEALTH_WELFARE_TECH\"", "2013-05-02", "Sent twice"));
        assertThat(again.json().get("version").asLong()).as("a correction changing nothing records nothing")
                .isEqualTo(1);

        JsonNode view = desk.get("/api/delegations/" + id + "?minVersion=1").json();
        assertThat(view.get("requestingOrganisation").asString()).isEqualTo(organisation + " Ltd");
        assertThat(view.get("headCount").asInt()).isEqualTo(14);
        assertThat(view.get("channel").asString()).isEqualTo("DIRECT");
        assertThat(view.get("country").asString()).isEqualTo("TV");
        assertThat(view.get("originCity").asString()).isEqualTo("Suzhou");
        assertThat(view.get("dateReceived").asString()).isEqualTo("2013-05-02");
        assertThat(view.get("wishedFrom").asString()).isEqualTo("2027-04-13");
        assertThat(view.get("status").asString()).isEqualTo("REQUESTED");
        JsonNode kpis = desk.getUntil("/api/kpis?year=2013", r -> r.status() == 200
                && r.json().path("desk").path("byCountry").path("TV").asLong(0) == 1, Duration.ofSeconds(5)).json();
        assertThat(kpis.path("desk").path("byCountry").path("TV").asLong(0)).isEqualTo(1);
        assertThat(desk.get("/api/kpis?year=2014").json().path("desk").path("byCountry").path("NR").isMissingNode())
                .as("no longer counted in the year and country it was registered with").isTrue();

        JsonNode events = lifecycle.events(id);
        assertThat(lifecycle.eventTypes(id)).containsExactly("DelegationRegisteredEvent", "RequestCorrectedEvent");
        JsonNode correction = events.get(1);
        assertThat(correction.get("payload").get("reason").asString())
                .isEqualTo("The embassy wrote that two more will come");
        assertThat(correction.get("payload").get("screeningReset").asBoolean()).isFalse();
        assertThat(correction.get("metaData").get("actor").asString()).isEqualTo("desk");
        assertThat(events.get(0).get("payload").get("headCount").asInt()).as("the registration stays as it was")
                .isEqualTo(12);

        assertThat(lifecycle.as("chc").put(path, corrected(organisation, "TV", null, 3, "\"HEALTH_WELFARE_TECH\"",
                "2013-05-02", "mine")).status()).isEqualTo(403);
        assertThat(lifecycle.as("auditor").put(path, corrected(organisation, "TV", null, 3,
                "\"HEALTH_WELFARE_TECH\"", "2013-05-02", "mine")).status()).isEqualTo(403);
    }

    @Test
    void aScreenedRequestWhoseOrganisationChangesIsScreenedAgainR8() {
        String organisation = "Screened again " + UUID.randomUUID();
        String earlier = ok(desk.post("/api/delegations", Requests.delegation(organisation + " Hospital")))
                .json().get("id").asString();
        String id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
        String path = "/api/delegations/" + id + "/request";
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString();

        Api.Response headCountOnly = desk.put(path, corrected(organisation, "CN", "Jiangsu", 13,
                "\"HEALTH_WELFARE_TECH\"", today, "One more"));
        assertThat(headCountOnly.status()).as(headCountOnly.body()).isEqualTo(200);
        Api.Response renamed = desk.put(path, corrected(organisation + " H\u043espital", "CN", "Jiangsu", 13,
                "\"HEALTH_WELFARE_TECH\"", today, "The organisation's name was cut short"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        JsonNode view = desk.get("/api/delegations/" + id + "?minVersion=" + renamed.json().get("version").asLong())
                .json();
        assertThat(view.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(view.get("businessOpportunityAssessment").isMissingNode()
                || view.get("businessOpportunityAssessment").isNull()).isTrue();
        JsonNode events = lifecycle.events(id);
        assertThat(events.get(2).get("payload").get("screeningReset").asBoolean()).as("the head count alone: no")
                .isFalse();
        assertThat(events.get(3).get("payload").get("screeningReset").asBoolean()).isTrue();

        ok(desk.post("/api/delegations/" + id + "/screening", "{\"businessOpportunityAssessment\":\"Solid\"}"));
        JsonNode screened = lifecycle.events(id).get(4).get("payload");
        assertThat(screened.get("repeatRequest").asBoolean()).as("R8 reads the corrected organisation").isTrue();
        assertThat(screened.get("earlierRequests").toString()).contains(earlier);
    }

    @Test
    void onceRoutedTheRoutingsFactsStayAndOthersAreCorrected() {
        String organisation = "Routed correction " + UUID.randomUUID();
        String id = lifecycle.accepted(organisation, "2026-01-05");
        String path = "/api/delegations/" + id + "/request";

        Api.Response themes = desk.put(path, corrected(organisation, "CN", "Jiangsu", 8,
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\",\"TOURISM\"", "2026-01-05", "Tourism too"));
        assertThat(themes.status()).as(themes.body()).isEqualTo(409);
        assertThat(themes.json().get("code").asString()).isEqualTo("ROUTING_DECIDED");
        assertThat(themes.json().get("errors").get(0).get("field").asString()).isEqualTo("themes");

        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, "2026-03-10T10:00:00+01:00",
                "2026-03-10T11:00:00+01:00");
        Api.Response late = desk.put(path, corrected(organisation, "CN", "Jiangsu", 8,
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "2026-03-11", "Later"));
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.json().get("code").asString()).isEqualTo("ITEM_BEFORE_RECEIPT");
        assertThat(late.body()).contains("dateReceived");

        Api.Response size = desk.put(path, corrected(organisation, "CN", "Jiangsu", 20,
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "2026-01-05", "Twenty come"));
        assertThat(size.status()).as(size.body()).isEqualTo(200);
        JsonNode view = desk.get("/api/delegations/" + id + "?minVersion=" + size.json().get("version").asLong())
                .json();
        assertThat(view.get("headCount").asInt()).isEqualTo(20);
        assertThat(view.get("status").asString()).isEqualTo("PROGRAMME_PLANNED");

        ok(desk.post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"Fell through\"}"));
        Api.Response closed = desk.put(path, corrected(organisation, "CN", "Jiangsu", 21,
                "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"", "2026-01-05", "Too late"));
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("code").asString()).isEqualTo("DELEGATION_CLOSED");
    }
    /**
     * A confirmed programme with an item dated wrong could not be mended: the desk reopens it, what it booked is free
     * meanwhile, and confirming again checks R6 again.
     */
    @Test
    void theDeskReopensAConfirmedProgrammeAndConfirmsItAgain() {
        String id = lifecycle.accepted("Reopened " + UUID.randomUUID(), "2026-01-05");
        String venue = lifecycle.venue();
        Api chc = lifecycle.as("chc");
        String item = lifecycle.item(chc, id, "MEETING", venue, null, "2026-03-10T10:00:00+01:00",
                "2026-03-10T11:00:00+01:00");
        ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        String reopen = "/api/delegations/" + id + "/programme-reopening";

        assertThat(chc.post(reopen, "{\"reason\":\"Mine\"}").status()).isEqualTo(403);
        Api.Response blank = desk.post(reopen, "{\"reason\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("reason");
        Api.Response reopened = desk.post(reopen, "{\"reason\":\"The meeting moved to the next day\"}");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(desk.post(reopen, "{\"reason\":\"Twice\"}").json().get("code").asString())
                .isEqualTo("INVALID_STATE");

        JsonNode view = desk.get("/api/delegations/" + id + "?minVersion=" + reopened.json().get("version").asLong())
                .json();
        assertThat(view.get("status").asString()).isEqualTo("PROGRAMME_PLANNED");
        assertThat(view.get("programme").get(0).get("status").asString()).isEqualTo("TENTATIVE");

        // meanwhile the venue is free: another delegation books it at that time
        String other = lifecycle.accepted("Meanwhile " + UUID.randomUUID(), "2026-01-05");
        lifecycle.item(chc, other, "MEETING", venue, null, "2026-03-10T10:30:00+01:00", "2026-03-10T11:30:00+01:00");
        ok(desk.post("/api/delegations/" + other + "/confirmation", ""));
        Api.Response clash = desk.post("/api/delegations/" + id + "/confirmation", "");
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().get("code").asString()).isEqualTo("DOUBLE_BOOKING");

        ok(chc.put("/api/delegations/" + id + "/programme-items/" + item, """
                {"kind":"MEETING","title":"Item","startsAt":"2026-03-11T10:00:00+01:00",
                 "endsAt":"2026-03-11T11:00:00+01:00","venueId":"%s"}""".formatted(venue)));
        Api.Response confirmed = ok(desk.post("/api/delegations/" + id + "/confirmation", ""));
        JsonNode after = desk.get("/api/delegations/" + id + "?minVersion=" + confirmed.json().get("version").asLong())
                .json();
        assertThat(after.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(after.get("programme").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(lifecycle.eventTypes(id)).contains("ProgrammeReopenedEvent");
    }
}
