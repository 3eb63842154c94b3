package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey, with several people at once, each in a browser of their own: the desk registers a request
 * and routes it; the operator's open inbox shows it without a reload and the operator accepts; the desk plans the
 * programme, has a double booking refused with its reason, fixes it and confirms; the auditor moves the timeline's
 * slider to a moment between two events and sees the state of then; and a member whose personal data was erased
 * shows as erased on every page that shows members, to every role. The desk works in Danish, the operator and
 * the auditor in English.
 */
@BrowserTest
class JourneyTest {

    @LocalServerPort
    int port;

    @Test
    void fromRequestToConfirmedProgrammeWithTwoBrowsersAndAnAuditor() throws Exception {
        String base = "http://localhost:" + port;
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api deskApi = lifecycle.desk();
        String venue = lifecycle.venue();
        // the programme form offers the venues the reference-names view holds: wait until it holds this one
        assertThat(deskApi.getUntil("/api/venues", r -> r.body().contains(venue), Duration.ofSeconds(10)).body())
                .contains(venue);
        // another delegation's confirmed programme holds the venue on 10 June 2087, 10:00–12:00
        String blocker = lifecycle.accepted("Journey blocker " + UUID.randomUUID());
        lifecycle.item(lifecycle.as("chc"), blocker, "MEETING", venue, null, "2087-06-10T10:00", "2087-06-10T12:00");
        Lifecycle.ok(deskApi.post("/api/delegations/" + blocker + "/confirmation", ""));

        String organisation = "Journey Health Commission " + UUID.randomUUID();
        String memberName = "Journey Member " + UUID.randomUUID().toString().substring(0, 8);
        String memberEmail = "journey." + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";

        try (Browser operator = Browser.open(base, "en", getClass()).login("chc");
             Browser desk = Browser.open(base, "da", getClass()).login("desk")) {
            operator.visit("/inbox", "journey-inbox-before");
            operator.script("window.journeyMarker = 'not reloaded'");

            // the desk registers the request through the form
            desk.visit("/requests/new", "journey-request-form");
            set(desk, "request-channel", "EMBASSY");
            set(desk, "request-requestingOrganisation", organisation);
            set(desk, "request-country", "CN");
            set(desk, "request-originProvince", "Jiangsu");
            set(desk, "request-delegationType", "ADMINISTRATIVE");
            set(desk, "request-politicalLevel", "PROVINCIAL");
            set(desk, "request-headCount", "9");
            set(desk, "request-wishedFrom", "2087-06-09");
            set(desk, "request-wishedTo", "2087-06-12");
            desk.find(By.id("request-themes-HEALTH_WELFARE_TECH")).click();
            set(desk, "request-businessOpportunity", "Tele-health partners for two hospitals");
            desk.find(By.id("request-submit")).click();
            String id = desk.waitFor(d -> d.getCurrentUrl().matches(".*/delegations/DEL-[^/?]+.*")
                    ? d.getCurrentUrl().replaceAll(".*/delegations/(DEL-[^/?]+).*", "$1") : null);
            desk.check("journey-registered");

            // a member, whose personal data will be erased later
            JsonNode member = Lifecycle.ok(deskApi.post("/api/delegations/" + id + "/members",
                    "{\"name\":\"" + memberName + "\",\"email\":\"" + memberEmail + "\"}")).json();
            desk.visit("/delegations/" + id + "?minVersion=1", "journey-member-added");

            // screening, then routing by rule (chc leads health and welfare technology)
            act(desk, "screening");
            desk.waitFor(d -> d.findElement(By.id("delegation-status")).getText().equals("Screenet"));
            act(desk, "routing");
            desk.waitFor(d -> d.findElement(By.id("delegation-status")).getText().equals("Fordelt"));
            desk.check("journey-routed");

            // the operator's open inbox shows the offer without a reload
            operator.waitFor(d -> !d.findElements(By.id("offer-" + id)).isEmpty());
            assertThat(operator.script("return window.journeyMarker")).isEqualTo("not reloaded");
            // the inbox reloads itself when the views move on: each look, and the click, is taken afresh
            String offer = operator.waitFor(d -> d.findElement(By.id("offer-" + id)).getText());
            assertThat(offer).contains(organisation);
            operator.check("journey-inbox-offer");
            Thread.sleep(1_100); // the acceptance falls in a later second than the routing, for the slider below
            operator.waitFor(d -> {
                d.findElement(By.cssSelector("#offer-" + id + " button.accept")).click();
                return true;
            });
            operator.waitFor(d -> !d.findElements(By.id("accepted-" + id)).isEmpty());
            operator.check("journey-inbox-accepted");

            // the desk plans the programme: an item at the venue the other programme holds at that time
            desk.visit("/delegations/" + id + "/programme?minVersion=0", "journey-programme-empty");
            set(desk, "add-kind", "MEETING");
            set(desk, "add-title", "Meeting at the welfare technology centre");
            set(desk, "add-startsAt", "2087-06-10T11:00");
            set(desk, "add-endsAt", "2087-06-10T12:30");
            set(desk, "add-venueId", venue);
            desk.find(By.id("submit-item-addition")).click();
            // the programme reloads itself when the views move on: the row's id is read as it is found
            String item = desk.waitFor(d -> d.findElements(By.cssSelector("[id^='programme-item-ITM-']")).stream()
                    .findFirst().map(row -> row.getAttribute("id")).orElse(null)).substring("programme-item-".length());
            desk.check("journey-programme-planned");

            // confirming is refused: R6, with its reason and the item that clashes
            desk.visit("/delegations/" + id, "journey-before-confirmation");
            act(desk, "confirmation");
            WebElement refusal = desk.find(By.id("refusal"));
            assertThat(refusal.getText()).contains("R6");
            assertThat(desk.all(By.id("refused-item-" + item))).isNotEmpty();
            desk.check("journey-double-booking");

            // the desk moves the item to the afternoon and confirms
            desk.visit("/delegations/" + id + "/programme", "journey-programme-fix");
            desk.find(By.cssSelector("#edit-item-" + item + " summary")).click();
            set(desk, "change-" + item + "-startsAt", "2087-06-10T14:00");
            set(desk, "change-" + item + "-endsAt", "2087-06-10T15:00");
            desk.find(By.id("submit-item-change-" + item)).click();
            desk.waitFor(d -> d.findElement(By.id("programme-item-" + item)).getText().contains("14.00")); // Danish time
            desk.visit("/delegations/" + id, "journey-before-second-confirmation");
            act(desk, "confirmation");
            desk.waitFor(d -> d.findElement(By.id("delegation-status")).getText().equals("Bekræftet"));
            desk.check("journey-confirmed");

            // the member's personal data is erased: no page shows it any more, to anybody
            Lifecycle.ok(deskApi.post("/api/persons/" + member.get("personId").asString() + "/erasure",
                    "{\"legalBasis\":\"Asked to be forgotten\"}"));
            deskApi.getUntil("/api/delegations/" + id + "/members", r -> r.body().contains("\"erased\":true"),
                    Duration.ofSeconds(10));
            desk.visit("/delegations/" + id, "journey-erased-desk");
            assertErased(desk, "Personoplysninger slettet", memberName, memberEmail);
            operator.visit("/delegations/" + id, "journey-erased-operator");
            assertErased(operator, "Personal data erased", memberName, memberEmail);
            desk.visit("/delegations/" + id + "/programme", "journey-erased-programme");
            assertThat(desk.text()).doesNotContain(memberName, memberEmail);

            // the auditor: the timeline, and the state as it was between the routing and the acceptance
            try (Browser auditor = Browser.open(base, "en", getClass()).login("auditor")) {
                auditor.visit("/delegations/" + id, "journey-erased-auditor");
                assertErased(auditor, "Personal data erased", memberName, memberEmail);
                auditor.visit("/audit/Delegation/" + id, "journey-timeline");
                assertThat(auditor.text()).doesNotContain(memberName, memberEmail);
                JsonNode timeline = new Api(port).as("auditor").get("/api/audit/Delegation/" + id + "/timeline").json();
                Instant routed = null;
                Instant accepted = null;
                for (JsonNode event : timeline.path("events").isMissingNode() ? timeline : timeline.path("events")) {
                    String type = event.path("eventType").asString();
                    Instant at = Instant.parse(event.path("timestamp").asString());
                    if (type.endsWith("DelegationRoutedEvent")) {
                        routed = at;
                    } else if (type.endsWith("AssignmentAcceptedEvent") && accepted == null) {
                        accepted = at;
                    }
                }
                assertThat(routed).isNotNull();
                assertThat(accepted).isAfter(routed.plusSeconds(1));
                long between = routed.getEpochSecond() + 1; // the slider's tick for the routing, before the acceptance
                auditor.script("var s = document.getElementById('asof-slider'); s.value = arguments[0];"
                        + "s.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "s.dispatchEvent(new Event('change', {bubbles: true}));", Long.toString(between));
                auditor.waitFor(d -> d.findElements(By.cssSelector("#state [data-field='status']")).stream()
                        .anyMatch(e -> "ROUTED".equals(e.getAttribute("data-code"))));
                auditor.check("journey-timeline-between-routing-and-acceptance");
                assertThat(auditor.text()).doesNotContain(memberName, memberEmail);
            }
        }
    }

    /** Sets a field's value as a person would, whatever the browser's own date format (inputs, selects). */
    private static void set(Browser browser, String id, String value) {
        WebElement field = browser.find(By.id(id));
        browser.script("var f = arguments[0]; f.value = arguments[1];"
                + "f.dispatchEvent(new Event('input', {bubbles: true}));"
                + "f.dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }

    /** Opens a lifecycle action on the delegation page and sends it as it stands. */
    private static void act(Browser browser, String action) {
        WebElement details = browser.find(By.id("action-" + action));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        browser.find(By.id("submit-" + action)).click();
        browser.settle();
    }

    private static void assertErased(Browser browser, String erasedLabel, String name, String email) {
        assertThat(browser.text()).contains(erasedLabel).doesNotContain(name, email);
    }
}
