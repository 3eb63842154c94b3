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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
            WebElement marked = browser.find(By.id("offer-" + overdue.value()));
            assertThat(marked.getAttribute("class")).contains("overdue", "escalated");
            assertThat(marked.getText()).contains(lang.equals("da") ? "Svarfristen er overskredet" : "Overdue",
                    lang.equals("da") ? "Eskaleret" : "Escalated");

            Object marker = browser.script("window.opeMarker = 'same page'; return window.opeMarker");
            String organisation = "Inbox live " + UUID.randomUUID();
            String id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
            Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
            browser.waitForText(organisation);
            assertThat(browser.script("return window.opeMarker")).as("no reload").isEqualTo(marker);
            browser.check("inbox-live");

            browser.find(By.cssSelector("#offer-" + id + " button.accept")).click();
            browser.find(By.id("accepted-" + id));
            browser.waitForText(lang.equals("da") ? "Tilbuddet er accepteret." : "The offer is accepted.");
            assertThat(browser.all(By.id("offer-" + id))).as("no longer an open offer").isEmpty();
            assertThat(browser.find(By.cssSelector("#accepted-" + id + " a")).getAttribute("href"))
                    .endsWith("/delegations/" + id);
            browser.check("inbox-accepted");
        }
    }
}
