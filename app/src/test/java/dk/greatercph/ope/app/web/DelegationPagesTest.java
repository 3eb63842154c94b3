package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The request form, the delegation page and the programme editor over plain HTTP: who sees and may do what. */
@OpeIntegrationTest
class DelegationPagesTest {

    @LocalServerPort
    int port;

    @Test
    void anOperatorGetsNotFoundForADelegationNotAssignedToIt() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Pages not assigned " + UUID.randomUUID());
        new Api(port).as("chc").getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10));

        PageSession clean = PageSession.signedIn(port, "clean");
        assertThat(clean.get("/delegations/" + id).status()).isEqualTo(404);
        assertThat(clean.get("/delegations/" + id + "/programme").status()).isEqualTo(404);
        assertThat(clean.get("/delegations/DEL-" + UUID.randomUUID()).status()).isEqualTo(404);
        PageSession.Page chc = PageSession.signedIn(port, "chc").get("/delegations/" + id);
        assertThat(chc.status()).isEqualTo(200);
        assertThat(chc.body()).contains("Pages not assigned");
    }

    /** An operator whose offer waits for its answer was shown the item form, then refused "accept first". */
    @Test
    void anOperatorPlansOnlyOnceItHasAccepted() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("Pages unanswered " + UUID.randomUUID()));
        String version = Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"))
                .header("ETag").replace("\"", "");
        PageSession chc = PageSession.signedIn(port, "chc");

        String page = chc.get("/delegations/" + id + "?minVersion=" + version).body();
        String programme = chc.get("/delegations/" + id + "/programme").body();

        assertThat(page).contains("id=\"action-acceptance-chc\"").doesNotContain("id=\"programme-link\"");
        assertThat(programme).doesNotContain("id=\"action-item-addition\"");
    }

    /** The supporting operators an approved scope expansion offered were missing from the delegation's facts (R4). */
    @Test
    void theFactsNameTheSupportingOperatorsAScopeExpansionBrought() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Pages widened " + UUID.randomUUID());
        String request = lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions",
                "{\"themes\":[\"TOURISM\"],\"reason\":\"Hotels\"}").json().get("id").asString();
        String version = Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/scope-expansions/" + request
                + "/approval", "")).header("ETag").replace("\"", "");

        String facts = PageSession.signedIn(port, "desk").get("/delegations/" + id + "?minVersion=" + version).body();

        assertThat(facts).containsPattern("id=\"fact-supporting\">[^<]*Wonderful Copenhagen");
    }

    @Test
    void offersOnlyTheActionsTheStateAllowsAndTheRoleMayMake() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Pages offered " + UUID.randomUUID()))
                .json().get("id").asString();
        desk.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(10));

        String asDesk = PageSession.signedIn(port, "desk").get("/delegations/" + id).body();
        assertThat(asDesk).contains("id=\"action-screening\"", "id=\"action-decline\"", "id=\"action-withdrawal\"",
                "id=\"action-member-addition\"");
        // R8 is checked at screening: "No" said it had been, and found nothing
        assertThat(asDesk).containsPattern("id=\"fact-repeat\"><span>Afgøres ved screeningen</span>");
        assertThat(asDesk).doesNotContain("id=\"action-routing\"", "id=\"action-confirmation\"",
                "id=\"action-completion\"", "id=\"action-scope-expansion\"", "id=\"programme-link\"");

        PageSession.Page asAuditor = PageSession.signedIn(port, "auditor").get("/delegations/" + id);
        assertThat(asAuditor.status()).isEqualTo(200);
        assertThat(asAuditor.body()).contains("id=\"no-actions\"", "id=\"history\"").doesNotContain("id=\"action-");
        // closed, the desk may still remove a member (in the members' table), and had an empty actions section
        Lifecycle.ok(desk.post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"Visit called off\"}"));
        assertThat(PageSession.signedIn(port, "desk").get("/delegations/" + id + "?minVersion=1").body())
                .contains("id=\"no-actions\"");

        String routed = new Lifecycle(new Api(port)).accepted("Pages routed " + UUID.randomUUID());
        PageSession chc = PageSession.signedIn(port, "chc");
        // registered, screened, routed, two offers, two acceptances: the lead may plan once the view has all seven
        String asLead = chc.get("/delegations/" + routed + "?minVersion=6").body();
        assertThat(asLead).contains("id=\"programme-link\"").doesNotContain("id=\"action-routing\"",
                "id=\"action-screening\"", "id=\"action-confirmation\"", "id=\"action-member-addition\"");
        assertThat(chc.get("/delegations/" + routed + "/programme").body()).contains("id=\"action-item-addition\"");
        // a scope expansion offers only the themes the delegation does not have (the others are refused)
        assertThat(PageSession.signedIn(port, "desk").get("/delegations/" + routed + "?minVersion=6").body())
                .contains("id=\"scope-expansion-themes-TOURISM\"")
                .doesNotContain("id=\"scope-expansion-themes-HEALTH_WELFARE_TECH\"",
                        "id=\"scope-expansion-themes-INVESTMENT\"");
        assertThat(chc.get("/requests/new").status()).isEqualTo(403);
        // a supporting operator with nothing to do here saw the actions' heading alone
        String asSupporting = PageSession.signedIn(port, "copcap").get("/delegations/" + routed + "?minVersion=6")
                .body();
        assertThat(asSupporting).doesNotContain("id=\"action-");
        assertThat(asSupporting).contains("id=\"no-actions\"");
    }

    /**
     * Completion was offered to a supporting operator (whom the API answers 404) and before the visit had begun
     * (VISIT_NOT_BEGUN): either way the outcome was typed and then refused.
     */
    @Test
    void completionIsOfferedToTheDeskAndTheLeadOnlyOnceTheVisitHasBegun() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String later = confirmedWithAMeeting(lifecycle, "Pages later visit ", "2031-05-05T10:00:00+02:00");
        String begun = confirmedWithAMeeting(lifecycle, "Pages begun visit ", "2025-05-05T10:00:00+02:00");
        // registered, screened, routed, two offers, two acceptances, the item, the confirmation
        String confirmed = "?minVersion=9";

        String laterAsDesk = PageSession.signedIn(port, "desk").get("/delegations/" + later + confirmed).body();
        assertThat(laterAsDesk).contains("id=\"completion-not-begun\"").doesNotContain("id=\"action-completion\"");
        assertThat(PageSession.signedIn(port, "desk").get("/delegations/" + begun + confirmed).body())
                .contains("id=\"action-completion\"").doesNotContain("id=\"completion-not-begun\"")
                .contains("data-confirm=\"Genåbn programmet? Bookingerne frigives, og programmet skal bekræftes igen.\"");
        assertThat(PageSession.signedIn(port, "chc").get("/delegations/" + begun + confirmed).body())
                .contains("id=\"action-completion\"")
                .as("closing for good, and freeing the bookings, ask first as a decline does")
                .contains("data-confirm=\"Afslut delegationen med dette resultat? Det kan ikke fortrydes.\"");
        assertThat(PageSession.signedIn(port, "copcap").get("/delegations/" + begun + confirmed).body())
                .doesNotContain("id=\"action-completion\"", "id=\"completion-not-begun\"");
    }

    /** A figure left blank on the completion form was recorded as 0, and shown as 0: "none" and "not known" read alike. */
    @Test
    void aFigureLeftBlankOnTheCompletionFormIsShownAsNotReported() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = confirmedWithAMeeting(lifecycle, "Pages figures ", "2025-05-05T10:00:00+02:00");
        PageSession chc = PageSession.signedIn(port, "chc");
        String before = chc.get("/delegations/" + id + "?minVersion=9").body();
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(before.substring(before.indexOf("/do/completion")));
        assertThat(version.find()).as(before).isTrue();

        // an agreement given twice was explained as "at most 100 agreements, one per line"
        PageSession.Page twice = chc.post("/delegations/" + id + "/do/completion", Map.of("version", version.group(1),
                "summary", "Twice", "investmentLeads", "1", "mous", "MoU A\nMoU A"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("Hver linje eller hvert valg må kun stå én gang.");

        PageSession.Page done = chc.post("/delegations/" + id + "/do/completion", Map.of("version", version.group(1),
                "summary", "Two pilots", "investmentLeads", "2", "jobsCreated", "0", "companiesEstablished", " "));

        assertThat(done.status()).as(done.body()).isBetween(300, 399);
        String page = chc.get("/delegations/" + id + "?minVersion=" + (Long.parseLong(version.group(1)) + 1)).body();
        assertThat(page).contains("Skabte job</dt><dd>0</dd>", "Etablerede virksomheder</dt><dd>ikke oplyst</dd>",
                "Overnatninger</dt><dd>ikke oplyst</dd>");
    }

    /**
     * A supporting operator reports its own outcome on the page of the completed visit: the form is offered to it
     * (and not to the lead, or another operator), a refusal names the field and keeps what was typed, and its report
     * is shown with the delegation and offered again for correction.
     */
    @Test
    void aSupportingOperatorReportsItsOwnOutcomeOnThePage() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = confirmedWithAMeeting(lifecycle, "Pages supporting ", "2025-05-05T10:00:00+02:00");
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/completion",
                "{\"summary\":\"The visit\",\"investmentLeads\":1}"));
        PageSession copcap = PageSession.signedIn(port, "copcap");
        String before = copcap.get("/delegations/" + id + "?minVersion=10").body();
        assertThat(before).contains("id=\"action-supporting-outcome-copcap\"", "Rapportér eget resultat");
        // an operator, who may not list the operators, read "copcap" where the desk read its name
        assertThat(before).contains("Copenhagen Healthtech Cluster (chc)", "Copenhagen Capacity (copcap)");
        assertThat(PageSession.signedIn(port, "chc").get("/delegations/" + id + "?minVersion=10").body())
                .doesNotContain("action-supporting-outcome");
        assertThat(PageSession.signedIn(port, "desk").get("/delegations/" + id + "?minVersion=10").body())
                .contains("id=\"action-supporting-outcome-copcap\"");
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(before.substring(before.indexOf("/do/supporting-outcome/copcap")));
        assertThat(version.find()).as(before).isTrue();

        PageSession.Page refused = copcap.post("/delegations/" + id + "/do/supporting-outcome/copcap",
                Map.of("version", version.group(1), "summary", "Our partner", "investmentLeads", "-2"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"supporting-outcome-copcap-investmentLeads-error\"", "Our partner");

        PageSession.Page done = copcap.post("/delegations/" + id + "/do/supporting-outcome/copcap",
                Map.of("version", version.group(1), "summary", "Our partner", "investmentLeads", "2",
                        "mous", "Letter of intent", "jobsCreated", "7"));
        assertThat(done.status()).as(done.body()).isBetween(300, 399);
        String after = copcap.get("/delegations/" + id + "?minVersion=11").body();
        assertThat(after).contains("id=\"supporting-outcome-copcap\"", "Letter of intent", "Ret eget resultat");
        // the log names the acting role in the page's words: "copcap (OPERATOR)" on a Danish page
        assertThat(PageSession.signedIn(port, "auditor").get("/audit?aggregateId=" + id + "&lang=da").body())
                .contains("copcap (operatør)").doesNotContain("(OPERATOR)");
    }

    /** A refused routing stood in the history as "(NO_BUSINESS_FOCUS)" beside the words the refusals above it used. */
    @Test
    void aRefusalInTheHistoryIsSaidInWords() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("Pages refused history " + UUID.randomUUID(),
                "BUSINESS", "\"INVESTMENT\"", null));
        assertThat(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}").status()).isEqualTo(422);

        String page = PageSession.signedIn(port, "desk").get("/delegations/" + id + "?minVersion=2").body();

        assertThat(page).contains("data-code=\"NO_BUSINESS_FOCUS\"").doesNotContain("(NO_BUSINESS_FOCUS)");
    }

    /** An item years from the days the delegation wished for (6–10 September 2027) was shown without a word. */
    @Test
    void anItemOutsideTheWishedDatesIsSaidToBe() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Pages wished dates " + UUID.randomUUID());
        String venue = lifecycle.venue();
        String inside = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2027-09-10T22:30", "2027-09-10T23:30");
        String outside = lifecycle.item(lifecycle.as("chc"), id, "MEETING", venue, null, "2029-01-10T10:00", "2029-01-10T11:00");

        // the version that holds both items (6 was the second acceptance's: the page was read before the items)
        long version = lifecycle.desk().getUntil("/api/delegations/" + id, r -> r.body().contains(outside),
                java.time.Duration.ofSeconds(10)).json().get("version").asLong();
        String page = PageSession.signedIn(port, "chc").get("/delegations/" + id + "/programme?minVersion=" + version)
                .body();

        assertThat(page).contains("id=\"outside-" + outside + "\"", "Uden for de ønskede datoer (6. sep. 2027 – 10. sep. 2027)")
                .doesNotContain("id=\"outside-" + inside + "\"");
    }

    /** A venue's capacity was registered, required, and never looked at: a room for 3 took a delegation of 8. */
    @Test
    void anItemAtAVenueTooSmallForTheDelegationIsSaidToBe() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Pages small room " + UUID.randomUUID());
        int headCount = lifecycle.desk().getUntil("/api/delegations/" + id, r -> r.status() == 200,
                java.time.Duration.ofSeconds(10)).json().get("headCount").asInt();
        String small = Lifecycle.ok(lifecycle.desk().post("/api/venues", "{\"name\":\"Small room " + UUID.randomUUID()
                + "\",\"capacity\":" + (headCount - 1) + "}")).json().get("id").asString();
        String cramped = lifecycle.item(lifecycle.as("chc"), id, "MEETING", small, null, "2027-09-07T10:00", "2027-09-07T11:00");
        String roomy = lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, "2027-09-08T10:00",
                "2027-09-08T11:00");

        long version = lifecycle.desk().getUntil("/api/delegations/" + id, r -> r.body().contains(roomy)
                && r.body().contains("\"venueCapacity\":" + (headCount - 1)), java.time.Duration.ofSeconds(10))
                .json().get("version").asLong();
        String page = PageSession.signedIn(port, "chc").get("/delegations/" + id + "?minVersion=" + version).body();

        assertThat(page).contains("id=\"too-small-" + cramped + "\"",
                "Stedet har plads til " + (headCount - 1) + "; delegationen er " + headCount + ".")
                .doesNotContain("id=\"too-small-" + roomy + "\"");
    }

    /**
     * A withdrawn delegation's items stayed CONFIRMED or TENTATIVE in its own view while the schedule said CANCELLED,
     * and the calendar called them "Aflyst", the word for a delegation that cancelled itself.
     */
    @Test
    void aWithdrawnDelegationsItemsAreCalledOffInItsViewItsPageAndTheCalendar() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = new Api(port).as("desk");
        String id = lifecycle.accepted("Pages called off " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null,
                "2031-06-03T10:00:00+02:00", "2031-06-03T11:00:00+02:00");
        Lifecycle.ok(desk.post("/api/delegations/" + id + "/withdrawal", "{\"reason\":\"Investor pulled out\"}"));

        JsonNode view = desk.getUntil("/api/delegations/" + id, r -> r.status() == 200
                && r.json().get("status").asString().equals("WITHDRAWN"), Duration.ofSeconds(10)).json();
        assertThat(view.get("programme").get(0).get("status").asString()).isEqualTo("CANCELLED");
        PageSession session = PageSession.signedIn(port, "desk");
        assertThat(session.get("/delegations/" + id).body()).contains(">Udgår<");
        desk.getUntil("/api/schedule?from=2031-06-03&to=2031-06-03", r -> r.status() == 200
                && r.body().contains(id) && r.body().contains("CANCELLED"), Duration.ofSeconds(10));
        String week = session.get("/schedule?view=week&date=2031-06-03").body();
        String entry = week.substring(week.indexOf("/delegations/" + id));
        assertThat(entry.substring(0, entry.indexOf("</li>"))).contains("Udgår").doesNotContain("Aflyst");
    }

    /** An operator's page named another operator's clashing item by the API's placeholder, "Booked", in English. */
    @Test
    void anotherOperatorsClashingItemIsNamedInThePagesLanguage() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = new Api(port).as("desk");
        String venue = lifecycle.venue();
        String chcs = lifecycle.accepted("Pages chc's " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), chcs, "MEETING", venue, null, "2027-11-16T10:00", "2027-11-16T12:00");
        String woco = lifecycle.registeredAndScreened(Requests.delegation("Pages woco's " + UUID.randomUUID()));
        Lifecycle.ok(desk.post("/api/delegations/" + woco + "/routing",
                "{\"overrideLead\":\"woco\",\"overrideSupporting\":[],\"reason\":\"Tourism\"}"));
        Lifecycle.ok(lifecycle.as("woco").post("/api/delegations/" + woco + "/assignments/woco/acceptance", ""));
        String item = lifecycle.item(lifecycle.as("woco"), woco, "MEETING", venue, null, "2027-11-16T11:00",
                "2027-11-16T13:00");
        desk.getUntil("/api/schedule/conflicts?from=2027-11-16&to=2027-11-16", r -> r.body().contains(item),
                Duration.ofSeconds(10));

        String page = PageSession.signedIn(port, "woco").get("/delegations/" + woco + "?minVersion=5").body();

        assertThat(page).contains("id=\"conflict-" + item + "\"", "er også booket af en anden delegation fra")
                .doesNotContain("&quot;Booked&quot;");
    }

    /**
     * A request form with a head count that is no number, no organisation and no theme marked only the head count;
     * the other fields were marked one submission later.
     */
    @Test
    void aFormWithSeveralWrongFieldsMarksThemAllAtOnce() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/requests/new");

        PageSession.Page refused = desk.post("/requests/new", Map.of("channel", "EMBASSY",
                "requestingOrganisation", "", "country", "CN", "delegationType", "BUSINESS",
                "politicalLevel", "NONE", "headCount", "abc", "wishedFrom", "2027-05-10", "wishedTo", "2027-05-12"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"request-headCount-error\"",
                "id=\"request-requestingOrganisation-error\"", "id=\"request-themes-error\"",
                "Nogle felter er ikke udfyldt rigtigt.").doesNotContain("Et felt har en ugyldig værdi.");
    }

    /** An operator typed as the desk says it, "COPCAP", was refused as "not the form the field needs". */
    @Test
    void aRoutingOverrideTakesOperatorsCodesInCapitals() {
        String id = screened("Pages capitals ");

        PageSession.Page routed = routeByHand(id, Map.of("mode", "override",
                "overrideLead", " COPCAP ", "overrideSupporting", "CHC", "reason", "Known partner"));

        assertThat(routed.status()).as(routed.body()).isBetween(300, 399);
        JsonNode view = new Api(port).as("desk").getUntil("/api/delegations/" + id, r -> r.status() == 200
                && r.json().path("leadOperator").isString(), Duration.ofSeconds(10)).json();
        assertThat(view.get("leadOperator").asString()).isEqualTo("copcap");
    }

    /**
     * "By hand" with no lead and no reason was sent as an empty body, which the API reads as "route by the table":
     * the delegation was routed by the table and the page said only that it was routed.
     */
    @Test
    void aRoutingByHandWithoutALeadIsRefusedBesideTheLeadAndRoutesNothing() {
        String id = screened("Pages no lead ");

        PageSession.Page refused = routeByHand(id, Map.of("mode", "override", "overrideLead", " ", "reason", "Asked"));
        // without a reason as well, both were not named at once: the reason only once a lead was chosen
        PageSession.Page neither = routeByHand(id, Map.of("mode", "override", "overrideLead", " ", "reason", ""));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("En manuel fordeling vælger først den ledende operatør")
                .as("the language links lead to the page, not to the form's address (405)")
                .contains("href=\"/delegations/" + id + "?lang=en\"").doesNotContain("/do/routing?lang=en");
        assertThat(neither.status()).as(neither.body()).isEqualTo(400);
        assertThat(neither.body()).contains("Nogle felter er ikke udfyldt rigtigt.", "Vælg den ledende operatør.",
                "Skriv en begrundelse");
        assertThat(new Api(port).as("desk").get("/api/delegations/" + id).json().get("status")
                .asString()).isEqualTo("SCREENED");
    }

    /** The facts named the lead by its code, and still named a supporting operator that had declined. */
    @Test
    void theFactsNameTheOperatorsStillOnTheDelegationByName() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.registeredAndScreened(Requests.delegation("Facts " + UUID.randomUUID()));
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", """
                {"overrideLead":"chc","overrideSupporting":["woco","copcap"],"reason":"Facts test"}"""));
        Api.Response declined = Lifecycle.ok(lifecycle.as("woco").post("/api/delegations/" + id
                + "/assignments/woco/decline", "{\"reason\":\"No capacity\"}"));
        String chc = new Api(port).as("desk").get("/api/operators/chc").json().get("name").asString();

        String page = PageSession.signedIn(port, "desk").get("/delegations/" + id + "?minVersion="
                + declined.header("ETag").replace("\"", "")).body();

        assertThat(page).as("the country by its name").contains("id=\"fact-country\">Kina (CN)</dd>")
                .contains("id=\"fact-lead\">" + org.springframework.web.util.HtmlUtils.htmlEscape(chc) + " (chc)</dd>")
                .containsPattern("id=\"fact-supporting\">[^<]*\\(copcap\\)</dd>")
                .doesNotContainPattern("id=\"fact-supporting\">[^<]*woco");
    }

    /** A delegation accepted by chc and copcap, with chc's hour-long meeting from {@code startsAt}, confirmed. */
    private static String confirmedWithAMeeting(Lifecycle lifecycle, String prefix, String startsAt) {
        java.time.LocalDate day = OffsetDateTime.parse(startsAt).toLocalDate();
        // received before its meeting (none starts before), and not after today
        String id = lifecycle.accepted(prefix + UUID.randomUUID(), day.isAfter(java.time.LocalDate.now())
                ? null : day.minusDays(30).toString());
        lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null, startsAt,
                OffsetDateTime.parse(startsAt).plusHours(1).toString());
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/confirmation", ""));
        return id;
    }

    /** A delegation registered and screened by the API, its organisation named {@code prefix} and a fresh id. */
    private String screened(String prefix) {
        return new Lifecycle(new Api(port)).registeredAndScreened(Requests.delegation(prefix + UUID.randomUUID()));
    }

    /** The routing form of the delegation's page, as the desk sends it. */
    private PageSession.Page routeByHand(String id, Map<String, String> form) {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/delegations/" + id + "?minVersion=2");
        return desk.post("/delegations/" + id + "/do/routing", form);
    }

    /** 02:30 on the night summer time begins was refused beside the field as "choose the date and time it starts". */
    @Test
    void aProgrammeTimeTheClocksSkipIsSaidToNotExist() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Pages clocks " + UUID.randomUUID());
        String venue = lifecycle.venue();
        PageSession chc = PageSession.signedIn(port, "chc");
        chc.get("/delegations/" + id + "/programme?minVersion=6");

        PageSession.Page refused = chc.post("/delegations/" + id + "/do/item-addition", Map.of("kind", "MEETING",
                "title", "Night meeting", "startsAt", "2027-03-28T02:30", "endsAt", "2027-03-28T04:00",
                "venueId", venue));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Det klokkeslæt findes ikke").doesNotContain("Vælg dato og klokkeslæt for starten");
    }

    @Test
    void aStalePageIsToldTheDelegationChangedMeanwhile() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Pages stale " + UUID.randomUUID()))
                .json().get("id").asString();
        PageSession session = PageSession.signedIn(port, "desk");
        session.get("/delegations/" + id + "?minVersion=0");
        desk.post("/api/delegations/" + id + "/members", "{\"name\":\"Meanwhile\"}");

        PageSession.Page stale = session.post("/delegations/" + id + "/do/screening",
                Map.of("version", "0", "businessOpportunityAssessment", "Solid"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("id=\"refusal\"", "data-code=\"STALE_VERSION\"",
                "<a id=\"reload\" href=\"/delegations/" + id + "\"");
        PageSession.Page fresh = session.post("/delegations/" + id + "/do/screening",
                Map.of("version", "1", "businessOpportunityAssessment", "Solid"));
        assertThat(fresh.status()).isEqualTo(302);
        assertThat(fresh.header("Location")).contains("/delegations/" + id + "?minVersion=2");
    }

    @Test
    void theRequestFormNamesEachBadFieldAndKeepsWhatWasTyped() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/requests/new");
        String organisation = "Pages form " + UUID.randomUUID();
        PageSession.Page refused = desk.post("/requests/new", Map.of("channel", "EMBASSY",
                "requestingOrganisation", organisation, "delegationType", "BUSINESS", "politicalLevel", "NONE",
                "headCount", "many", "wishedFrom", "2027-05-01", "wishedTo", "2027-05-03", "country", "DK"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"refusal\"", "id=\"request-headCount-error\"",
                "aria-describedby=\"request-headCount-help request-headCount-error\"", "value=\"" + organisation + "\"",
                "value=\"many\"");
        // Java reads any script's digits; the API does not, and nor does the form any longer
        PageSession.Page fullWidth = desk.post("/requests/new", Map.of("channel", "EMBASSY",
                "requestingOrganisation", organisation, "delegationType", "BUSINESS", "politicalLevel", "NONE",
                "headCount", "\uff11\uff12", "wishedFrom", "2027-05-01", "wishedTo", "2027-05-03", "country", "DK",
                "themes", "TOURISM", "businessOpportunity", "Hotels"));
        assertThat(fullWidth.status()).isEqualTo(400);
        assertThat(fullWidth.body()).contains("id=\"request-headCount-error\"");

        PageSession.Page registered = desk.post("/requests/new", Map.of("channel", "EMBASSY",
                "requestingOrganisation", organisation, "delegationType", "BUSINESS", "politicalLevel", "NONE",
                "headCount", "3", "wishedFrom", "2027-05-01", "wishedTo", "2027-05-03", "country", "dk",
                "themes", "TOURISM", "businessOpportunity", "Hotels"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(registered.header("Location")).matches(".*/delegations/DEL-[0-9a-f-]+\\?minVersion=0");
        PageSession.Page page = desk.get(registered.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(organisation, "DK", "Henvendelsen er registreret.");
    }

    @Test
    void aDoubleBookingRefusalNamesTheItemAndWhatItClashesWith() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        String venue = lifecycle.venue();
        String first = lifecycle.accepted("Pages booked " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), first, "MEETING", venue, null, "2027-10-12T10:00", "2027-10-12T12:00");
        Lifecycle.ok(desk.post("/api/delegations/" + first + "/confirmation", ""));
        String second = lifecycle.accepted("Pages waiting " + UUID.randomUUID());
        String item = lifecycle.item(lifecycle.as("chc"), second, "MEETING", venue, null, "2027-10-12T11:00",
                "2027-10-12T13:00");
        desk.getUntil("/api/schedule/conflicts?from=2027-10-12&to=2027-10-12", r -> r.body().contains(item),
                Duration.ofSeconds(10));
        String version = desk.getUntil("/api/delegations/" + second, r -> r.status() == 200 && r.body().contains(item),
                Duration.ofSeconds(10)).header("ETag").replace("\"", "");

        PageSession session = PageSession.signedIn(port, "desk");
        assertThat(session.get("/delegations/" + second).body()).contains("id=\"conflict-" + item + "\"");
        PageSession.Page refused = session.post("/delegations/" + second + "/do/confirmation", Map.of("version", version));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("data-code=\"DOUBLE_BOOKING\"", "id=\"refused-item-" + item + "\"",
                "et sted eller en vært er booket to gange på samme tid, af et andet bekræftet program eller af to punkter i dette program (regel R6)",
                "er også booket af");
    }

    @Test
    void aMemberWhosePersonalDataWasErasedShowsAsErased() {
        Api desk = new Api(port).as("desk");
        String id = desk.post("/api/delegations", Requests.delegation("Pages erased " + UUID.randomUUID()))
                .json().get("id").asString();
        var added = desk.post("/api/delegations/" + id + "/members",
                "{\"name\":\"Wang Erased\",\"email\":\"wang@example.cn\"}").json();
        String member = added.get("id").asString();
        desk.post("/api/persons/" + added.get("personId").asString() + "/erasure", "{\"legalBasis\":\"Asked to be forgotten\"}");
        desk.getUntil("/api/delegations/" + id + "/members", r -> r.body().contains("\"erased\":true"),
                Duration.ofSeconds(10));

        String page = PageSession.signedIn(port, "desk").get("/delegations/" + id).body();
        assertThat(page).contains("id=\"member-" + member + "\"", "Personoplysninger slettet")
                .doesNotContain("Wang Erased", "wang@example.cn");
    }

    /** The R8 flag said "yes" and not which earlier requests the request repeats, though the screening names them. */
    @Test
    void aRepeatRequestLinksTheRequestsItRepeats() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String organisation = "Pages repeat " + UUID.randomUUID();
        String first = lifecycle.registeredAndScreened(Requests.delegation(organisation));
        String again = lifecycle.registeredAndScreened(Requests.delegation(organisation));
        new Api(port).as("desk").getUntil("/api/delegations/" + again + "?minVersion=1", r -> r.status() == 200,
                Duration.ofSeconds(10));

        String page = PageSession.signedIn(port, "desk").get("/delegations/" + again + "?minVersion=1").body();

        assertThat(page).containsPattern("<a href=\"/delegations/" + first + "\"\\s+id=\"earlier-" + first + "\"");
        // by the organisation and the date it was received, not by its id alone
        assertThat(page).contains("id=\"earlier-" + first + "\">" + organisation + " (modtaget ");
    }

    /**
     * A form sent from a page the delegation had moved on from (another tab, a colleague's change) was refused and
     * came back empty: everything typed had to be typed again.
     */
    @Test
    void aFormRefusedAsStaleKeepsWhatWasTyped() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Stale form " + UUID.randomUUID());
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/delegations/" + id);
        PageSession.Page member = desk.post("/delegations/" + id + "/do/member-addition", Map.of("version", "1",
                "name", "Zhang San", "title", "Dean", "email", "zhang.san@example.cn"));
        assertThat(member.status()).isEqualTo(412);
        assertThat(member.body()).contains("value=\"Zhang San\"", "value=\"Dean\"", "value=\"zhang.san@example.cn\"");

        PageSession lead = PageSession.signedIn(port, "chc");
        // once the lead's acceptance is in the view (registered, screened, routed, two offers, two acceptances)
        lead.get("/delegations/" + id + "/programme?minVersion=6");
        PageSession.Page item = lead.post("/delegations/" + id + "/do/item-addition", Map.of("version", "1",
                "kind", "MEETING", "title", "Board meeting", "startsAt", "2031-05-06T10:00", "endsAt", "2031-05-06T11:00",
                "venueId", lifecycle.venue()));
        assertThat(item.status()).isEqualTo(412);
        assertThat(item.body()).contains("value=\"Board meeting\"", "value=\"2031-05-06T10:00\"");
    }
}
