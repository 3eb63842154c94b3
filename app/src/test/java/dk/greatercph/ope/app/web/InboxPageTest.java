package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.junit.jupiter.api.Test;
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

import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class InboxPageTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theOperatorSeesANewOfferWithoutAReloadAndAcceptsIt(String lang) {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String late = "Inbox overdue " + UUID.randomUUID();
        DelegationId overdue = DelegationId.newId();
        Instant longAgo = Instant.now().minus(5, ChronoUnit.DAYS);
        LocalDate day = randomFutureDay();
        log.append("Delegation", overdue.value(), registered(overdue, late, day, day.plusDays(2),
                Theme.HEALTH_WELFARE_TECH), routed(overdue, "chc"), offered(overdue, "chc", AssignmentRole.LEAD, longAgo),
                new AssignmentEscalatedEvent(overdue, new OperatorId("chc"), longAgo));

        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("chc")) {
            browser.visit("/inbox", "inbox");
            browser.waitForText(late);
            By marked = By.id("offer-" + overdue.value());
            browser.waitFor(d -> attributeOf(d, marked, "class").contains("overdue")
                    && attributeOf(d, marked, "class").contains("escalated"));
            browser.waitFor(d -> textOf(d, marked).contains(lang.equals("da") ? "Svarfristen er overskredet" : "Overdue")
                    && textOf(d, marked).contains(lang.equals("da") ? "Eskaleret" : "Escalated"));

            Object marker = browser.script("window.opeMarker = 'same page'; return window.opeMarker");
            String organisation = "Inbox live " + UUID.randomUUID();
            String id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
            Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
            browser.waitForText(organisation);
            assertThat(browser.script("return window.opeMarker")).as("no reload").isEqualTo(marker);
            browser.check("inbox-live");

            browser.waitFor(d -> {
                try {
                    d.findElement(By.cssSelector("#offer-" + id + " button.accept")).click();
                    return true;
                } catch (StaleElementReferenceException | NoSuchElementException e) {
                    return false;
                }
            });
            browser.waitForText(lang.equals("da") ? "Tilbuddet er accepteret." : "The offer is accepted.");
            // the lists may reload themselves at any moment (the views move on), so each look is taken afresh
            browser.waitFor(d -> attributeOf(d, By.cssSelector("#accepted-" + id + " a"), "href")
                    .endsWith("/delegations/" + id));
            browser.waitFor(d -> d.findElements(By.id("offer-" + id)).isEmpty());
            browser.check("inbox-accepted");
        }
    }

    /**
     * The lists wait while a decline panel is open (a reload would throw the reason away); an offer that came meanwhile
     * stayed out of the list until the next change, also after the panel was closed. It shows once the panel closes.
     */
    @Test
    void anOfferThatCameWhileADeclineWasOpenShowsOnceItCloses() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String first = lifecycle.registeredAndScreened(Requests.delegation("Inbox first " + UUID.randomUUID()));
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + first + "/routing", "{}"));
        try (Browser browser = Browser.open("http://localhost:" + port, "en", getClass()).login("chc")) {
            browser.visit("/inbox", "inbox-before-decline");
            By panel = By.cssSelector("#offer-" + first + " details.decline > summary");
            browser.waitFor(d -> {
                try {
                    d.findElement(panel).click();
                    return true;
                } catch (StaleElementReferenceException | NoSuchElementException e) {
                    return false;
                }
            });
            browser.script("window.opeAsked = 0; document.addEventListener('htmx:beforeRequest', function (e) {"
                    + " if (e.detail.elt && e.detail.elt.id === 'inbox-lists') { window.opeAsked++; } }); return 0");
            String organisation = "Inbox meanwhile " + UUID.randomUUID();
            String second = lifecycle.registeredAndScreened(Requests.delegation(organisation));
            Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + second + "/routing", "{}"));
            // the push came, and the lists held still
            browser.waitFor(d -> ((Number) browser.script("return window.opeAsked")).intValue() > 0);
            assertThat(browser.text()).as("not while the panel is open").doesNotContain(organisation);

            browser.find(panel).click();

            browser.waitForText(organisation);
        }
    }

    /** An element's attribute, or "" while htmx swaps it. */
    private static String attributeOf(WebDriver driver, By by, String name) {
        try {
            return String.valueOf(driver.findElement(by).getAttribute(name));
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
}
