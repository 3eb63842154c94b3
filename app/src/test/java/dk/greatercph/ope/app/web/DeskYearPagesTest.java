package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** What a desk year through the pages found: amounts, the history's order, the offer's link, the country filter. */
@OpeIntegrationTest
class DeskYearPagesTest {

    @LocalServerPort
    int port;

    @Test
    void anAmountIsWrittenAsThePagesLanguageWritesNumbers() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Amounts " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.desk(), delegation, "HOSPITAL_VISIT", lifecycle.venue(),
                lifecycle.partner("HOSPITAL"), "2031-05-06T10:00:00+02:00", "2031-05-06T11:00:00+02:00");
        ok(lifecycle.desk().post("/api/delegations/" + delegation + "/programme-items/" + item + "/cost-coverage",
                "{\"payer\":\"Jiangsu\",\"basis\":\"Agreement\",\"amount\":45000.5,\"currency\":\"DKK\"}"));
        lifecycle.desk().getUntil("/api/delegations/" + delegation, r -> r.body().contains("45000.5"),
                Duration.ofSeconds(10));

        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/delegations/" + delegation).body()).contains("45.000,50 DKK");
        assertThat(desk.get("/delegations/" + delegation + "?lang=en").body()).contains("45,000.50 DKK");
        // the change form was filled with the API's 45000.5 (the session is in English now)
        assertThat(desk.get("/delegations/" + delegation + "/programme").body())
                .contains("id=\"coverage-" + item + "-amount\"").contains("value=\"45,000.50\"");
    }

    @Test
    void theOperatorsHistoryIsInTheOrderThingsHappenedAndAnOfferLinksToItsDelegation() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Order " + UUID.randomUUID());
        // a refusal is written in UTC, the offers and answers with Copenhagen's offset
        lifecycle.item(lifecycle.desk(), delegation, "HOSPITAL_VISIT", lifecycle.venue(), lifecycle.partner("HOSPITAL"),
                "2031-05-07T10:00:00+02:00", "2031-05-07T11:00:00+02:00");
        assertThat(lifecycle.desk().post("/api/delegations/" + delegation + "/confirmation", "").status())
                .as("R3 refuses, and records the refusal").isEqualTo(422);
        lifecycle.desk().getUntil("/api/delegations/" + delegation, r -> r.body().contains("refusedAt"),
                Duration.ofSeconds(10));

        String page = PageSession.signedIn(port, "chc").get("/delegations/" + delegation).body();
        String history = page.substring(page.indexOf("ældste først"));
        int offered = history.indexOf("Opgave tilbudt");
        int refused = history.indexOf("Bekræftelse afvist");
        assertThat(offered).isPositive();
        assertThat(refused).as(history).isGreaterThan(offered);
        String refusedRow = history.substring(refused, history.indexOf("</tr>", refused));
        assertThat(refusedRow).as("who was refused, as every other desk action says it").contains("sekretariatet");

        String open = new Lifecycle(new Api(port)).registeredAndScreened(dk.greatercph.ope.app.support.Requests
                .delegation("Linked offer " + UUID.randomUUID(), "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\"", "Care"));
        ok(lifecycle.desk().post("/api/delegations/" + open + "/routing", "{}"));
        lifecycle.as("chc").getUntil("/api/operators/chc/inbox", r -> r.body().contains(open), Duration.ofSeconds(10));
        assertThat(PageSession.signedIn(port, "chc").get("/inbox").body())
                .contains("href=\"/delegations/" + open + "\"");
    }

    /**
     * An offer withdrawn unanswered read "accepted" on the lead's page, and "withdrawn" beside the operator that
     * withdrew it, as if its own offer had gone.
     */
    @Test
    void anOfferWithdrawnUnansweredIsToldAsWithdrawnNamingWhoseOfferItWas() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(dk.greatercph.ope.app.support.Requests.delegation(
                "Withdrawn offer " + UUID.randomUUID(), "ADMINISTRATIVE", "\"HEALTH_WELFARE_TECH\",\"INVESTMENT\"",
                "Care"));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        ok(lifecycle.as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", ""));
        String withdrawn = ok(lifecycle.desk().post("/api/delegations/" + id + "/withdrawal",
                "{\"reason\":\"Fell through\"}")).header("ETag").replace("\"", "");

        Api.Response outline = lifecycle.as("chc").get("/api/delegations/" + id + "/history");
        assertThat(outline.json().get("events").valueStream()
                .filter(e -> e.get("eventType").asString().equals("AssignmentWithdrawnEvent"))
                .map(e -> e.get("operatorId").asString())).containsExactly("copcap");
        lifecycle.as("chc").getUntil("/api/delegations/" + id + "?minVersion=" + withdrawn, r -> r.status() == 200,
                Duration.ofSeconds(10));
        String page = PageSession.signedIn(port, "chc").get("/delegations/" + id).body();
        String history = page.substring(page.indexOf("ældste først"));
        assertThat(history.split("Opgave accepteret", -1)).as("chc's acceptance only").hasSize(2);
        assertThat(history).contains("Opgave trukket tilbage</span>");
        String withdrawnRow = history.substring(history.indexOf("Opgave trukket tilbage"));
        assertThat(withdrawnRow.substring(0, withdrawnRow.indexOf("</tr>"))).contains("(copcap)");
        String deskPage = PageSession.signedIn(port, "desk").get("/delegations/" + id).body();
        String deskRow = deskPage.substring(deskPage.indexOf("Opgave trukket tilbage"));
        assertThat(deskRow.substring(0, deskRow.indexOf("</tr>"))).as("the desk's timeline too").contains("(copcap)");
    }

    @Test
    void theBoardReadsALowerCaseCountryAsItsCode() {
        PageSession desk = PageSession.signedIn(port, "desk");
        PageSession.Page board = desk.get("/board?country=se");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).doesNotContain("id=\"refusal\"").contains("value=\"SE\"");
    }

    /** An operator's calendar said "booket to gange: Booked og …" and named a clash on venue and host twice. */
    @Test
    void anotherOperatorsBlockIsNamedInThePagesWordsAndAClashOnceInTheOperatorsCalendar() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String venue = lifecycle.venue();
        String host = lifecycle.partner("COMPANY");
        String mine = lifecycle.accepted("Mine " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), mine, "MEETING", venue, host, "2031-09-09T10:00:00+02:00",
                "2031-09-09T12:00:00+02:00");
        String theirs = lifecycle.registeredAndScreened(dk.greatercph.ope.app.support.Requests.delegation(
                "Theirs " + UUID.randomUUID(), "ADMINISTRATIVE", "\"TOURISM\"", "Hotels"));
        ok(lifecycle.desk().post("/api/delegations/" + theirs + "/routing", "{}"));
        ok(lifecycle.as("woco").post("/api/delegations/" + theirs + "/assignments/woco/acceptance", ""));
        lifecycle.item(lifecycle.as("woco"), theirs, "MEETING", venue, host, "2031-09-09T11:00:00+02:00",
                "2031-09-09T13:00:00+02:00");
        lifecycle.desk().getUntil("/api/schedule/conflicts?from=2031-09-09&to=2031-09-09",
                r -> r.body().contains(theirs), Duration.ofSeconds(10));

        String week = PageSession.signedIn(port, "chc").get("/schedule?view=week&date=2031-09-09").body();

        assertThat(week).doesNotContain("Booked").contains("Optaget (en anden operatørs delegation)");
        assertThat(week).doesNotContain("Optaget (en anden operatørs delegation), Optaget (en anden operatørs delegation)");
    }

    /** "Siden kunne ikke vises med de angivne værdier" named no value; the page now names the one it could not read. */
    @Test
    void aPageParameterThatCannotBeReadIsNamed() {
        PageSession desk = PageSession.signedIn(port, "desk");
        PageSession.Page schedule = desk.get("/schedule?view=week&date=2027-13-01");
        assertThat(schedule.status()).isEqualTo(400);
        assertThat(schedule.body()).contains("id=\"refused-parameter\"", "«date»");
        PageSession.Page kpi = desk.get("/kpi?year=abc&lang=en");
        assertThat(kpi.status()).isEqualTo(400);
        assertThat(kpi.body()).contains("The value of &quot;year&quot; in the address could not be read.");
        for (String refused : List.of("/board?status=FOO", "/board?from=2027-13-01", "/board?after=xyz")) {
            PageSession.Page board = desk.get(refused);
            assertThat(board.status()).as(refused).isEqualTo(400);
            assertThat(board.body()).as(refused).contains("role=\"alert\"");
        }
        // the refused filter by its label, in the page's words: "from: must be ..." in the API's English stood there
        assertThat(desk.get("/board?from=garbage").body()).contains("id=\"board-from-error\"")
                .doesNotContain(">from: ");
        // operators picked by name: a name typed in the filter matched nothing and the page said only "nothing"
        assertThat(desk.get("/board").body()).contains("<select id=\"board-operator\" name=\"operator\">",
                "<option value=\"copcap\">Copenhagen Capacity</option>");
        assertThat(desk.get("/schedule?operator=copcap").body()).contains("<select id=\"schedule-operator\"",
                "<option value=\"copcap\" selected=\"selected\">Copenhagen Capacity</option>");
    }

    /** R2 had a dead end: a request registered without a business opportunity could never be routed from the pages. */
    @Test
    void theDeskStatesABusinessOpportunityFromThePageAndThenRoutes() {
        String id = new Lifecycle(new Api(port)).registeredAndScreened(dk.greatercph.ope.app.support.Requests
                .delegation("Page R2 " + UUID.randomUUID(), "BUSINESS", "\"INVESTMENT\"", null));
        PageSession desk = PageSession.signedIn(port, "desk");
        PageSession.Page page = desk.get("/delegations/" + id + "?minVersion=1");
        assertThat(page.body()).contains("id=\"action-business-opportunity\"");

        PageSession.Page blank = desk.post("/delegations/" + id + "/do/business-opportunity",
                java.util.Map.of("version", "1", "businessOpportunity", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"opportunity-businessOpportunity-error\"");
        PageSession.Page stated = desk.post("/delegations/" + id + "/do/business-opportunity",
                java.util.Map.of("version", "1", "businessOpportunity", "Investors for a Suzhou fund"));
        assertThat(stated.status()).as(stated.body()).isEqualTo(302);
        desk.get(stated.header("Location").replaceFirst("^https?://[^/]+", ""));
        PageSession.Page routed = desk.post("/delegations/" + id + "/do/routing", java.util.Map.of("version", "2",
                "mode", "rule"));
        assertThat(routed.status()).as(routed.body()).isEqualTo(302);
    }
    /** A typo in a registered request could not be mended: the desk corrects it from the delegation's page. */
    @Test
    void theDeskCorrectsARegisteredRequestFromItsPage() {
        String organisation = "Page correction " + UUID.randomUUID();
        String id = new Api(port).as("desk").post("/api/delegations",
                dk.greatercph.ope.app.support.Requests.delegation(organisation)).json().get("id").asString();
        PageSession desk = PageSession.signedIn(port, "desk");
        PageSession.Page page = desk.get("/delegations/" + id + "?minVersion=0");
        assertThat(page.body()).contains("id=\"action-request-correction\"",
                "id=\"correction-requestingOrganisation\" name=\"requestingOrganisation\" type=\"text\" value=\""
                        + organisation + "\"", "id=\"correction-headCount\" name=\"headCount\" type=\"number\" value=\"12\"");
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("version", "0",
                "channel", "EMBASSY", "requestingOrganisation", organisation + " Ltd", "country", "cn",
                "originProvince", "Jiangsu", "delegationType", "ADMINISTRATIVE", "politicalLevel", "PROVINCIAL",
                "headCount", "many", "wishedFrom", "2027-04-12", "wishedTo", "2027-04-16"));
        form.put("themes", "HEALTH_WELFARE_TECH");
        form.put("dateReceived", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString());
        form.put("reason", "Two more come");

        PageSession.Page refused = desk.post("/delegations/" + id + "/do/request-correction", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"correction-headCount-error\"", "value=\"" + organisation + " Ltd\"");
        form.put("headCount", "14");
        PageSession.Page corrected = desk.post("/delegations/" + id + "/do/request-correction", form);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
        PageSession.Page after = desk.get(corrected.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains(organisation + " Ltd", "Henvendelse rettet");
        assertThat(PageSession.signedIn(port, "auditor").get("/delegations/" + id).body())
                .doesNotContain("id=\"action-request-correction\"");
    }
    /**
     * Once routed, the correction form offered the themes, type and level, which the correction then refused
     * (ROUTING_DECIDED): they are shown as decided, and sent as they stand, so the rest can be corrected.
     */
    @Test
    void aRoutedRequestsCorrectionShowsWhatRoutingDecidedAndCorrectsTheRest() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String organisation = "Routed correction " + UUID.randomUUID();
        String id = lifecycle.accepted(organisation);
        PageSession desk = PageSession.signedIn(port, "desk");
        String page = desk.get("/delegations/" + id + "?minVersion=5").body();
        String form = page.substring(page.indexOf("id=\"action-request-correction\""));
        form = form.substring(0, form.indexOf("</form>"));

        assertThat(form).contains("id=\"correction-decided\"", "Fastlagt ved fordelingen:",
                        "<input type=\"hidden\" name=\"themes\" value=\"HEALTH_WELFARE_TECH\">")
                .doesNotContain("id=\"correction-delegationType\"", "id=\"correction-politicalLevel\"",
                        "type=\"checkbox\" name=\"themes\"");
        java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher field = java.util.regex.Pattern
                .compile("<input type=\"hidden\" name=\"(delegationType|politicalLevel|version)\" value=\"([^\"]*)\"")
                .matcher(form);
        while (field.find()) {
            sent.put(field.group(1), field.group(2));
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>(sent);
        fields.putAll(java.util.Map.of("channel", "EMBASSY", "requestingOrganisation", organisation,
                "country", "CN", "originProvince", "Jiangsu", "headCount", "14", "wishedFrom", "2027-04-12",
                "wishedTo", "2027-04-16", "reason", "Two more come"));
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                java.nio.charset.StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"))
                + "&themes=HEALTH_WELFARE_TECH&themes=INVESTMENT&dateReceived="
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
        PageSession.Page corrected = desk.postEncoded("/delegations/" + id + "/do/request-correction", body);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(302);
    }

    /** A confirmed programme offered no way to change it: the desk reopens it from the delegation's page. */
    @Test
    void theDeskReopensAConfirmedProgrammeFromThePage() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Page reopen " + UUID.randomUUID(), "2026-01-05");
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, "2026-03-10T10:00:00+01:00",
                "2026-03-10T11:00:00+01:00");
        long version = lifecycle.desk().post("/api/delegations/" + id + "/confirmation", "").json()
                .get("version").asLong();
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/delegations/" + id + "?minVersion=" + version).body())
                .contains("id=\"action-programme-reopening\"");
        assertThat(desk.get("/delegations/" + id + "/programme").body())
                .contains("Programmet er bekræftet og ændres ikke", "Programmet er bekræftet.");
        assertThat(PageSession.signedIn(port, "chc").get("/delegations/" + id).body())
                .doesNotContain("id=\"action-programme-reopening\"");

        PageSession.Page blank = desk.post("/delegations/" + id + "/do/programme-reopening",
                java.util.Map.of("version", String.valueOf(version), "reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"programme-reopening-reason-error\"");
        PageSession.Page reopened = desk.post("/delegations/" + id + "/do/programme-reopening",
                java.util.Map.of("version", String.valueOf(version), "reason", "The meeting moved"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(302);
        assertThat(desk.get(reopened.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("id=\"action-confirmation\"");
    }
}
