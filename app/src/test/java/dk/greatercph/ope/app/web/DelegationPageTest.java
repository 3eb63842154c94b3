package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk takes a delegation from its request to a programme in a real browser: screening, a routing that R2
 * refuses (explained in words), a routing by hand, a programme item at a hospital venue picked from the list, and a
 * confirmation that R3 refuses until the cost coverage is recorded.
 */
@BrowserTest
class DelegationPageTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskScreensRoutesAfterAnR2RefusalPlansAndIsToldWhatR3Needs(String lang) {
        Api desk = new Api(port).as("desk");
        String organisation = "Page " + lang + " " + UUID.randomUUID();
        String id = desk.post("/api/delegations", Requests.delegation(organisation, "ADMINISTRATIVE",
                "\"HEALTH_WELFARE_TECH\"", null)).json().get("id").asString();
        String venueName = "Ward " + UUID.randomUUID();
        String venue = desk.post("/api/venues", "{\"name\":\"" + venueName + "\",\"capacity\":20,\"kind\":\"HOSPITAL\"}")
                .json().get("id").asString();
        desk.getUntil("/api/venues", r -> r.body().contains(venue), Duration.ofSeconds(10));

        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/delegations/" + id + "?minVersion=0", "delegation-requested");
            browser.find(By.cssSelector("#action-screening > summary")).click();
            browser.find(By.id("screening-businessOpportunityAssessment")).sendKeys("Worth a look");
            browser.find(By.id("submit-screening")).click();
            browser.find(By.id("done"));
            assertThat(browser.find(By.id("delegation-status")).getText()).isEqualTo(lang.equals("da") ? "Screenet" : "Screened");

            browser.find(By.cssSelector("#action-routing > summary")).click();
            browser.find(By.id("submit-routing")).click();
            String r2 = browser.find(By.id("refusal")).getText();
            browser.check("delegation-r2");
            assertThat(browser.find(By.id("refusal")).getAttribute("data-code")).isEqualTo("NO_BUSINESS_FOCUS");
            assertThat(r2).as("the code is for support, the words for the desk").doesNotContain("NO_BUSINESS_FOCUS").contains(lang.equals("da")
                    ? "en ikke-politisk delegation skal have en beskrevet forretningsmulighed (regel R2)"
                    : "a non-political delegation must state a business opportunity (rule R2)");
            // the refusals are in the facts region, which reloads itself when the views move on: read it afresh
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("refusals")).getText()))
                    .contains(lang.equals("da") ? "Fordeling afvist" : "Routing refused");

            browser.find(By.cssSelector("#action-decline > summary")).click();
            browser.find(By.id("decline-reason")).sendKeys("No business focus");
            browser.find(By.id("submit-decline")).click();
            // a decline cannot be undone: asked first, and a no sends nothing
            assertThat(browser.answerQuestion(false)).isEqualTo(lang.equals("da")
                    ? "Afvis henvendelsen? Det kan ikke fortrydes." : "Decline the request? This cannot be undone.");
            assertThat(browser.all(By.id("done"))).isEmpty();
            browser.find(By.id("submit-decline")).click();
            browser.answerQuestion(true);
            browser.find(By.id("done"));
            // the status reloads itself when the views move on: read it afresh
            assertThat(browser.<String>waitFor(d -> {
                String status = d.findElement(By.id("delegation-status")).getText();
                return status.equals(lang.equals("da") ? "Afvist" : "Declined") ? status : null;
            })).isEqualTo(lang.equals("da") ? "Afvist" : "Declined");
            assertThat(browser.all(By.cssSelector("[id^='action-']"))).as("a declined delegation offers nothing").isEmpty();

            String planned = desk.post("/api/delegations", Requests.delegation(organisation + " again")).json().get("id").asString();
            desk.post("/api/delegations/" + planned + "/screening", "{}");
            browser.visit("/delegations/" + planned + "?minVersion=1", "delegation-screened");
            browser.find(By.cssSelector("#action-routing > summary")).click();
            browser.find(By.id("routing-mode-override")).click();
            // picked by name: the desk typed the operator's code before
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("routing-overrideLead")))
                    .selectByVisibleText("Copenhagen Healthtech Cluster (chc)");
            browser.find(By.id("routing-reason")).sendKeys("The region asked for the hospitals to lead");
            browser.find(By.id("submit-routing")).click();
            browser.find(By.id("done"));
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("assignment-chc")).getText()))
                    .contains(lang.equals("da") ? "Tilbudt" : "Offered");
            browser.check("delegation-routed");
            id = planned;

            String accepted = new Api(port).as("chc").post("/api/delegations/" + id + "/assignments/chc/acceptance", "")
                    .header("ETag").replace("\"", "");
            // the heading's status follows the live facts: the assignments said "Accepted", the heading "Routed"
            String acceptedWord = lang.equals("da") ? "Accepteret" : "Accepted";
            assertThat(browser.<String>waitFor(d -> {
                String status = d.findElement(By.id("delegation-status")).getText();
                return status.equals(acceptedWord) ? status : null;
            })).isEqualTo(acceptedWord);
            browser.visit("/delegations/" + id + "/programme?minVersion=" + accepted, "programme-empty");
            new Select(browser.find(By.id("add-kind"))).selectByValue("HOSPITAL_VISIT");
            browser.find(By.id("add-title")).sendKeys("Tele-medicine ward");
            browser.script("document.getElementById('add-startsAt').value = '2027-09-07T10:00';"
                    + "document.getElementById('add-endsAt').value = '2027-09-07T12:00';");
            new Select(browser.find(By.id("add-venueId"))).selectByValue(venue);
            browser.find(By.id("submit-item-addition")).click();
            browser.find(By.id("done"));
            // the programme region reloads itself when the views move on: each look at the row is taken afresh
            String missing = lang.equals("da") ? "Mangler (R3)" : "Missing (R3)";
            String row = browser.waitFor(d -> {
                String text = d.findElement(By.cssSelector("#programme tbody tr")).getText();
                return text.contains("Tele-medicine ward") && text.contains(missing) ? text : null;
            });
            assertThat(row).contains("Tele-medicine ward", venueName, missing);
            browser.check("programme-planned");

            browser.find(By.id("delegation-link")).click();
            browser.find(By.id("submit-confirmation")).click();
            String r3 = browser.find(By.id("refusal")).getText();
            browser.check("delegation-r3");
            assertThat(browser.find(By.id("refusal")).getAttribute("data-code")).isEqualTo("COST_COVERAGE_MISSING");
            assertThat(r3).contains("Tele-medicine ward");
            String rowClass = browser.waitFor(d -> d.findElement(By.cssSelector("#programme tbody tr")).getAttribute("class"));
            assertThat(rowClass).contains("conflict");
        }
    }
}
