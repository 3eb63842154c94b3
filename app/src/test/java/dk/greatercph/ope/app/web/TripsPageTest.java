package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Region's trips in the desk's browser: R7 explained when a year's second trip has no reason, then the trip
 * planned, staffed, given an itinerary item (China time by default), approved and completed with its report.
 */
@BrowserTest
class TripsPageTest {

    @LocalServerPort
    int port;

    /** A year of its own for this test, which already has its annual trip. */
    int yearWithAnnualTrip() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int year = ThreadLocalRandom.current().nextInt(2013, 2026); // past: its trip is completed below
            Api.Response planned = new Api(port).as("desk").post("/api/trips", TripPlan.of(year).json());
            if (planned.status() == 201 || planned.body().contains("ANNUAL_TRIP_EXISTS")) {
                return year;
            }
        }
        throw new IllegalStateException("no year found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskPlansAnExtraordinaryTripAndTakesItThroughApprovalToItsReport(String lang) {
        int year = yearWithAnnualTrip();
        boolean da = lang.equals("da");
        String title = "Extra trip " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/trips/new", "trip-new");
            type(browser, "trip-year", Integer.toString(year));
            type(browser, "trip-title", title);
            type(browser, "trip-destinations", "Nanjing, Suzhou");
            date(browser, "trip-startDate", year + "-09-01");
            date(browser, "trip-endDate", year + "-09-07");
            type(browser, "trip-leader", "Chair of the Regional Council");
            browser.find(By.cssSelector("form.stacked button[type=submit]")).click();

            ImportPageTest.waitForText(browser, da ? "Året har allerede sin årlige rejse" : "The year already has its annual trip");
            WebElement reason = browser.find(By.id("trip-extraordinaryReason"));
            assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(reason.getAttribute("aria-describedby")).isEqualTo("trip-extraordinaryReason-error");
            assertThat(browser.find(By.id("trip-extraordinaryReason-error")).getText()).contains("R7");
            assertThat(browser.find(By.id("trip-title")).getAttribute("value")).as("kept").isEqualTo(title);
            browser.check("trip-new-refused-R7");

            reason.sendKeys("Signing of the renewed agreement");
            browser.find(By.cssSelector("form.stacked button[type=submit]")).click();
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/trips/TRP-[^/?]+\\?v=\\d+$"));
            browser.check("trip-planned");
            assertThat(browser.find(By.cssSelector("h1")).getText()).contains(title);
            assertThat(browser.text()).contains(da ? "Ekstraordinær rejse" : "Extraordinary trip")
                    .contains("Signing of the renewed agreement");

            type(browser, "participant-name", "Participant " + title);
            type(browser, "participant-title", "Councillor");
            browser.find(By.cssSelector("form[action$='/participants'] button[type=submit]")).click();
            ImportPageTest.waitForText(browser, "Participant " + title);

            date(browser, "item-startsAt", year + "-09-02T10:00");
            date(browser, "item-endsAt", year + "-09-02T12:00");
            type(browser, "item-city", "Nanjing");
            type(browser, "item-counterpart", "Jiangsu Department of Commerce");
            assertThat(browser.find(By.id("item-timeZone")).getAttribute("value")).isEqualTo("Asia/Shanghai");
            browser.find(By.cssSelector("form[action$='/itinerary-items'] button[type=submit]")).click();
            ImportPageTest.waitForText(browser, "Jiangsu Department of Commerce");
            assertThat(browser.text()).contains("Asia/Shanghai");
            browser.check("trip-drafted");

            browser.find(By.id("trip-approve")).click();
            assertThat(browser.answerQuestion(true)).as("asked first: an approved programme is fixed")
                    .isEqualTo(da ? "Godkend programmet? Et godkendt program kan ikke længere ændres."
                            : "Approve the programme? An approved programme can no longer be changed.");
            ImportPageTest.waitForText(browser, da ? "Godkendt" : "Approved");
            assertThat(browser.find(By.id("trip-status")).getText()).isEqualTo(da ? "Godkendt" : "Approved");
            assertThat(browser.all(By.cssSelector("form[action$='/participants']"))).as("no changes once approved").isEmpty();

            type(browser, "completion-outcomes", "Agreement renewed; two investment leads");
            type(browser, "completion-agreementsSigned", "MoU on health cooperation");
            type(browser, "completion-followUps", "copcap: Follow up on the battery plant lead");
            browser.find(By.cssSelector("form[action$='/completion'] button[type=submit]")).click();
            browser.answerQuestion(true);
            ImportPageTest.waitForText(browser, "Agreement renewed; two investment leads");
            assertThat(browser.find(By.id("trip-status")).getText()).isEqualTo(da ? "Gennemført" : "Completed");
            assertThat(browser.text()).contains("Agreement renewed; two investment leads", "MoU on health cooperation",
                    "Copenhagen Capacity (copcap): Follow up on the battery plant lead");
            assertThat(browser.all(By.cssSelector("form[action$='/cancellation']"))).as("nothing left to do").isEmpty();
            browser.check("trip-completed");

            browser.visit("/trips?year=" + year, "trips");
            assertThat(browser.text()).contains(title).contains(da ? "Gennemført" : "Completed");
        }
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date and time inputs are typed per locale in Chromium; set their value as a person's picker would. */
    private static void date(Browser browser, String id, String value) {
        browser.script("arguments[0].value = arguments[1]", browser.find(By.id(id)), value);
    }

    private String planned(Api desk) {
        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        return ok(desk.post("/api/trips", TripPlan.of(year).titled("Page trip " + UUID.randomUUID())
                .extraordinary("Page session test").json())).json().get("id").asString();
    }

    /** An itinerary item is removed from the trip's page; its local time names the day once. */
    @Test
    void anItineraryItemIsRemovedFromThePage() {
        Api api = new Api(port).as("desk");
        String trip = ok(api.post("/api/trips", TripPlan.of(2095).titled("Removal " + UUID.randomUUID())
                .extraordinary("Page removal test").json())).json().get("id").asString();
        String item = ok(api.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"2095-05-11T10:00:00","endsAt":"2095-05-11T12:00:00","city":"Suzhou",
                 "counterpart":"Mistyped Office"}""")).json().get("id").asString();
        PageSession desk = PageSession.signedIn(port, "desk");
        String before = desk.get("/trips/" + trip + "?v=1").body(); // the page waits for the version with ?v=
        assertThat(before).contains("Mistyped Office", "/itinerary-items/" + item + "/removal")
                .containsPattern("11\\. maj 2095,? 10[.:]00 – 12[.:]00<");

        PageSession.Page removed = desk.post("/trips/" + trip + "/itinerary-items/" + item + "/removal",
                Map.of("version", "1"));

        assertThat(removed.status()).as(removed.body()).isEqualTo(302);
        String after = desk.get(removed.header("Location")).body();
        assertThat(after).contains("Programpunktet er fjernet.").doesNotContain("Mistyped Office");
    }

    /** The report's form was offered as soon as a trip was approved, and refused (TRIP_NOT_BEGUN) once filled in. */
    @Test
    void anApprovedTripThatHasNotBegunSaysWhenItsReportIsDueInsteadOfOfferingIt() {
        Api desk = new Api(port).as("desk");
        String trip = ok(desk.post("/api/trips", TripPlan.of(2099).titled("Not begun " + UUID.randomUUID())
                .extraordinary("Page test of a later trip").json())).json().get("id").asString();
        ok(desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}"));
        ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"2099-05-11T10:00:00","endsAt":"2099-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}"""));
        long approved = ok(desk.post("/api/trips/" + trip + "/approval", "")).json().get("version").asLong();

        String page = PageSession.signedIn(port, "desk").get("/trips/" + trip + "?v=" + approved).body();

        assertThat(page).contains("id=\"trip-not-begun\"").doesNotContain("/completion\"");
    }

    /**
     * A follow-up line without "operator:" was refused in general words ("not the form the field needs"), and the
     * outcomes, which the report needs, were not marked as needed.
     */
    @Test
    void aFollowUpWithoutItsOperatorIsRefusedInWordsThatSayTheForm() {
        Api desk = new Api(port).as("desk");
        int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2013, 2026);
        String trip = ok(desk.post("/api/trips", TripPlan.of(year).titled("Follow-ups " + UUID.randomUUID())
                .extraordinary("Page test of follow-ups").json())).json().get("id").asString();
        ok(desk.post("/api/trips/" + trip + "/participants", "{\"kind\":\"OFFICIAL\",\"name\":\"An Official\"}"));
        ok(desk.post("/api/trips/" + trip + "/itinerary-items", """
                {"startsAt":"%d-05-11T10:00:00","endsAt":"%d-05-11T12:00:00","city":"Nanjing",
                 "counterpart":"Jiangsu Foreign Affairs Office"}""".formatted(year, year)));
        long approved = ok(desk.post("/api/trips/" + trip + "/approval", "")).json().get("version").asLong();
        PageSession session = PageSession.signedIn(port, "desk");
        String page = session.get("/trips/" + trip + "?v=" + approved + "&lang=da").body();
        assertThat(page).contains("aria-required=\"true\"");

        PageSession.Page refused = session.post("/trips/" + trip + "/completion",
                Map.of("version", Long.toString(approved), "outcomes", "Agreement renewed", "followUps", "woco"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Skriv én opfølgning pr. linje som operatør: opgave")
                .doesNotContain("Værdien har ikke den form, feltet kræver.");
    }

    @Test
    void aRefusedFieldIsNamedBesideItAndNothingIsRecorded() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/trips/new");
        PageSession.Page refused = desk.post("/trips/new", Map.of("year", "20x7", "title", "", "destinations", "Nanjing",
                "startDate", "2027-05-10", "endDate", "2027-05-16", "leader", "Chair"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("id=\"trip-year-error\"")
                .contains("aria-describedby=\"trip-year-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"20x7\"");
    }

    /** The dates' rules come with the fields, each in its own words: they came a round later, as "invalid". */
    @Test
    void aPlansDatesAreJudgedWithItsFieldsInThePagesWords() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/trips/new");
        PageSession.Page refused = desk.post("/trips/new", Map.of("year", "2029", "title", "", "destinations",
                "Nanjing", "startDate", "2030-05-10", "endDate", "2030-05-01", "leader", "Chair"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"trip-title-error\"")
                .containsPattern("id=\"trip-endDate-error\"[^>]*>[^<]*Rejsen skal slutte samme dag eller senere")
                .containsPattern("id=\"trip-startDate-error\"[^>]*>[^<]*Rejsen skal begynde i det år")
                .contains("value=\"2030-05-01\"");
    }

    @Test
    void aPlannedTripsPageSaysItWasPlanned() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/trips/new");
        // extraordinary, so that no year's annual trip is taken from the other tests
        int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2030, 2100);
        PageSession.Page planned = desk.post("/trips/new", Map.of("year", "" + year, "title", "Planned " + year,
                "destinations", "Nanjing", "startDate", year + "-05-01", "endDate", year + "-05-08", "leader", "Chair",
                "extraordinaryReason", "A second delegation"));

        assertThat(planned.status()).as(planned.body()).isEqualTo(302);
        assertThat(desk.get(planned.header("Location").replaceFirst("^https?://[^/]+", "")).body())
                .contains("id=\"done\"", "Rejsen er oprettet.");
    }

    @Test
    void aCancellationNeedsAReasonAndAStaleVersionIsRefusedInWords() {
        Api api = new Api(port).as("desk");
        String trip = planned(api);
        api.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(5));
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/trips/" + trip).status()).isEqualTo(200);

        PageSession.Page noReason = desk.post("/trips/" + trip + "/cancellation", Map.of("version", "0", "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"cancellation-reason-error\"");

        PageSession.Page stale = desk.post("/trips/" + trip + "/cancellation", Map.of("version", "7", "reason", "Postponed"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("role=\"alert\"");

        PageSession.Page cancelled = desk.post("/trips/" + trip + "/cancellation", Map.of("version", "0", "reason", "Postponed"));
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(cancelled.header("Location")).contains("/trips/" + trip + "?v=1");
        PageSession.Page shown = desk.get("/trips/" + trip + "?v=1");
        assertThat(shown.body()).contains("Aflyst").contains("Postponed").doesNotContain("/cancellation\"");
    }

    @Test
    void aParticipantIsRemovedByItsIdAndAnOperatorParticipantWithoutItsOperatorIsRefusedBesideTheField() {
        Api api = new Api(port).as("desk");
        String trip = planned(api);
        String participant = ok(api.post("/api/trips/" + trip + "/participants", """
                {"kind":"OFFICIAL","name":"Removable Official","title":"Director"}""")).json().get("id").asString();
        api.getUntil("/api/trips/" + trip + "?minVersion=1", r -> r.status() == 200, Duration.ofSeconds(5));
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/trips/" + trip).body()).contains("Removable Official")
                .contains("/trips/" + trip + "/participants/" + participant + "/removal")
                .as("asked first in the browser").contains("data-confirm=\"Fjern „Removable Official“?\"");

        PageSession.Page removed = desk.post("/trips/" + trip + "/participants/" + participant + "/removal",
                Map.of("version", "1"));
        assertThat(removed.status()).isEqualTo(302);
        assertThat(removed.header("Location")).endsWith("/trips/" + trip + "?v=2");
        assertThat(desk.get("/trips/" + trip + "?v=2").body()).doesNotContain("Removable Official")
                .contains("id=\"done\"").contains("Deltageren er fjernet.");
        assertThat(desk.get("/trips/" + trip + "?v=2").body()).as("said once").doesNotContain("id=\"done\"");

        PageSession.Page refused = desk.post("/trips/" + trip + "/participants",
                Map.of("version", "2", "kind", "OPERATOR", "name", "Operator Person", "operatorId", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"participant-operatorId-error\"")
                .contains("En deltager med rollen operatør skal have operatørens id.")
                .contains("value=\"Operator Person\"");
        // an operator typed for an official was dropped without a word and the official added without it
        PageSession.Page notExpected = desk.post("/trips/" + trip + "/participants",
                Map.of("version", "2", "kind", "OFFICIAL", "name", "Official Person", "operatorId", "copcap"));
        assertThat(notExpected.status()).isEqualTo(400);
        assertThat(notExpected.body()).contains("id=\"participant-operatorId-error\"")
                .contains("Kun en deltager af arten operatør angiver en operatør.");
        assertThat(api.get("/api/trips/" + trip).json().get("participants").toString()).doesNotContain("Official Person");
    }

    /** The leader added as a participant by name became a second person: erasing one left the other's name. */
    @Test
    void theLeaderTravellingAsAParticipantIsTheSamePerson() {
        Api api = new Api(port).as("desk");
        String trip = planned(api);
        JsonNode planned = api.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(5)).json();
        String leader = planned.get("leaderPersonId").asString();
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/trips/" + trip).body()).contains("<option value=\"" + leader + "\">");
        assertThat(desk.get("/trips/new").body()).as("every field of a new trip is required, and marked so")
                .contains("<span>Titel</span><span class=\"required\"> (krævet)</span>");

        // the leader's id with another name made one person of two names, both erased as one
        PageSession.Page otherName = desk.post("/trips/" + trip + "/participants", Map.of("version", "0",
                "kind", "POLITICIAN", "name", "Someone Else", "personId", leader));
        // the name left empty is the leader's, as the help says: it was refused for want of a name
        PageSession.Page added = desk.post("/trips/" + trip + "/participants", Map.of("version", "0",
                "kind", "POLITICIAN", "name", "", "personId", leader));

        assertThat(otherName.status()).isEqualTo(400);
        assertThat(otherName.body()).containsPattern("id=\"participant-name-error\"[^>]*>[^<]*Lederen har et andet navn")
                .contains("value=\"Someone Else\"");
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        JsonNode participants = api.getUntil("/api/trips/" + trip + "?minVersion=1", r -> r.status() == 200,
                Duration.ofSeconds(5)).json().get("participants");
        assertThat(participants).hasSize(1);
        assertThat(participants.get(0).get("personId").asString()).isEqualTo(leader);
        assertThat(participants.get(0).get("name").asString()).isEqualTo(planned.get("leader").asString());
    }

    /**
     * The trip page listed its itinerary in the order the items were entered, 11 May before 10 May; and an unknown
     * operator or time zone was explained beside its field in the API's English ("No operator nope.").
     */
    @Test
    void theItineraryIsInTimeOrderAndItsRefusalsAreInThePagesWords() {
        Api api = new Api(port).as("desk");
        String trip = planned(api);
        String year = api.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(5)).json()
                .get("startDate").asString().substring(0, 4);
        for (String day : List.of("11", "10", "12")) {
            ok(api.post("/api/trips/" + trip + "/itinerary-items", """
                    {"startsAt":"%1$s-05-%2$sT09:00:00","endsAt":"%1$s-05-%2$sT10:00:00","city":"Nanjing",
                     "counterpart":"Office of the %2$sth","objectiveOperator":"chc","objectiveCompany":"Firm %2$s"}"""
                    .formatted(year, day)));
        }
        JsonNode itinerary = api.getUntil("/api/trips/" + trip + "?minVersion=3", r -> r.status() == 200,
                Duration.ofSeconds(5)).json().get("itinerary");
        assertThat(itinerary.valueStream().map(item -> item.get("counterpart").asString()))
                .containsExactly("Office of the 10th", "Office of the 11th", "Office of the 12th");
        PageSession desk = PageSession.signedIn(port, "desk");
        String page = desk.get("/trips/" + trip).body();
        assertThat(page.indexOf("Office of the 10th")).isLessThan(page.indexOf("Office of the 11th"));
        assertThat(page.indexOf("Office of the 11th")).isLessThan(page.indexOf("Office of the 12th"));
        // whom each item serves, which the page did not show
        assertThat(page).contains("For operatøren Copenhagen Healthtech Cluster (chc)").contains("For virksomheden Firm 10");
        // the item's operator is picked by name, as a participant's is: its code was typed by hand
        assertThat(page).containsPattern("<select id=\"item-objectiveOperator\" name=\"objectiveOperator\"[^>]*>"
                + "(?s).{0,400}<option value=\"chc\">Copenhagen Healthtech Cluster \\(chc\\)</option>");

        PageSession.Page zone = desk.post("/trips/" + trip + "/itinerary-items", Map.of("version", "3",
                "startsAt", year + "-05-13T09:00", "endsAt", year + "-05-13T10:00", "timeZone", "China/Beijing",
                "city", "Nanjing", "counterpart", "Office"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body()).contains("Tidszonen kendes ikke").doesNotContain("is not an IANA time zone id");
        PageSession.Page operator = desk.post("/trips/" + trip + "/itinerary-items", Map.of("version", "3",
                "startsAt", year + "-05-13T09:00", "endsAt", year + "-05-13T10:00", "city", "Nanjing",
                "counterpart", "Office", "objectiveOperator", "nope"));
        assertThat(operator.status()).isEqualTo(422);
        assertThat(operator.body()).contains("Operatøren findes ikke").doesNotContain("No operator nope");
    }

    @Test
    void anAuditorReadsATripButIsOfferedNoChange() {
        Api api = new Api(port).as("desk");
        String trip = planned(api);
        api.getUntil("/api/trips/" + trip, r -> r.status() == 200, Duration.ofSeconds(5));
        PageSession.Page page = PageSession.signedIn(port, "auditor").get("/trips/" + trip);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<form action=\"/trips/" + trip);
        // the leader is a data subject too: the auditor reaches the person's page from it, as from a participant
        String leader = api.get("/api/trips/" + trip).json().get("leaderPersonId").asString();
        assertThat(page.body()).contains("id=\"trip-leader-person\"", "href=\"/persons/" + leader + "\"");
        assertThat(PageSession.signedIn(port, "auditor").get("/trips").body()).doesNotContain("href=\"/trips/new\"");
        PageSession auditor = PageSession.signedIn(port, "auditor");
        auditor.get("/trips/" + trip);
        assertThat(auditor.post("/trips/" + trip + "/approval", Map.of("version", "0")).status()).isEqualTo(403);
    }
}
