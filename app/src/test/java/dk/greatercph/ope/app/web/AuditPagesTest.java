package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.screened;
import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AuditPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theAuditorFindsADelegationInTheLogAndSlidesItsTimelineBackToAMomentBetweenTwoEvents(String lang) {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        Instant registeredAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant screenedAt = registeredAt.plus(2, ChronoUnit.HOURS);
        log.appendAt("Delegation", id.value(), registeredAt,
                registered(id, "Audit slider " + UUID.randomUUID(), day, day.plusDays(1), Theme.TALENT));
        log.appendAt("Delegation", id.value(), screenedAt, screened(id, false));

        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("auditor")) {
            browser.visit("/audit?aggregateId=" + id.value(), "log");
            assertThat(browser.all(By.cssSelector("table.audit-events tbody tr"))).hasSize(2);
            browser.find(By.cssSelector("table.audit-events a.aggregate")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/audit/Delegation/" + id.value()));
            browser.check("timeline");
            // the code kept beside its words: the state view showed raw codes ("SCREENED") and keys ("dateReceived")
            assertThat(browser.find(By.cssSelector("#state [data-field='status']")).getAttribute("data-code"))
                    .isEqualTo("SCREENED");
            assertThat(browser.find(By.cssSelector("#state [data-field='status']")).getText()).isNotEqualTo("SCREENED");
            assertThat(browser.find(By.id("state")).getText()).doesNotContain("dateReceived");
            // read as words: the identifier without its wrapper, the instant in Copenhagen's time, not raw JSON
            assertThat(browser.find(By.cssSelector("#state [data-field='delegationId']")).getText())
                    .isEqualTo(id.value());
            assertThat(browser.find(By.cssSelector("#state [data-field='registeredAt']")).getText())
                    .doesNotContain("Z", "{").contains(Integer.toString(registeredAt.atZone(
                            java.time.ZoneId.of("Europe/Copenhagen")).getYear()));

            long between = registeredAt.plus(1, ChronoUnit.HOURS).getEpochSecond();
            browser.script("""
                    var slider = document.getElementById('asof-slider');
                    slider.value = arguments[0];
                    slider.dispatchEvent(new Event('input', {bubbles: true}));
                    slider.dispatchEvent(new Event('change', {bubbles: true}));""", String.valueOf(between));
            browser.waitFor(d -> codeOf(d, By.cssSelector("#state [data-field='status']")).equals("REQUESTED"));
            // the slider asks twice (on change, and on input after a pause): the state may be swapped once more
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("state")).getText())).contains("version 0");
            assertThat(browser.find(By.id("asof-at")).getAttribute("value")).isNotBlank();
            browser.check("timeline-between");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theAuditorVerifiesTheChainAndFetchesAndChecksACheckpoint(String lang) {
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("auditor")) {
            browser.visit("/audit/integrity", "integrity");
            browser.find(By.id("verify")).click();
            browser.waitFor(d -> !textOf(d, By.id("verify-result")).isBlank());
            String verdict = browser.find(By.id("verify-result")).getText();
            assertThat(verdict).containsAnyOf("Kæden er hel", "The chain is intact", "Kæden er brudt", "The chain is broken");
            browser.check("verified");

            browser.find(By.id("fetch-checkpoint")).click();
            browser.waitFor(d -> valueOf(d, By.id("kept")).contains("\"signature\""));
            browser.check("checkpoint-fetched");
            browser.find(By.id("check-checkpoint")).click();
            browser.waitForText(lang.equals("da") ? "Signaturen er gyldig for systemets nøgle."
                    : "The signature is valid for this system's key.");
            browser.script("document.getElementById('checkpoint-result').scrollIntoView()");
            browser.check("checkpoint-checked");
        }
    }

    /** The element's text, or "" while htmx swaps it. */
    private static String codeOf(WebDriver driver, By by) {
        try {
            String code = driver.findElement(by).getAttribute("data-code");
            return code == null ? "" : code;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }

    private static String textOf(WebDriver driver, By by) {
        try {
            return driver.findElement(by).getText();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }

    private static String valueOf(WebDriver driver, By by) {
        try {
            return String.valueOf(driver.findElement(by).getDomProperty("value"));
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }
}
