package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/** R5 in the desk's browser: an escalated lead assignment with what to do next, and the way to its delegation. */
@BrowserTest
class EscalationsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskSeesAnEscalatedLeadWithItsNextStepAndALinkToTheDelegation(String lang) {
        DelegationId id = DelegationId.newId();
        String organisation = "Escalated " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = randomFutureDay();
        // far overdue, so that it is on the list's first page, which begins with the most overdue
        Instant due = Instant.now().minus(400 + ThreadLocalRandom.current().nextInt(0, 300), ChronoUnit.DAYS);
        log.append("Delegation", id.value(), registered(id, organisation, day, day.plusDays(1), Theme.GREEN_GROWTH),
                routed(id, "clean"), offered(id, "clean", AssignmentRole.LEAD, due));
        log.appendAt("Delegation", id.value(), due.plus(1, ChronoUnit.MINUTES),
                new AssignmentEscalatedEvent(id, new OperatorId("clean"), due));
        new Api(port).as("desk").getUntil("/api/escalations?limit=200", r -> r.body().contains(id.value()),
                java.time.Duration.ofSeconds(10));

        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/escalations", "escalations");
            // the list reloads itself when the board moves on: each look at the row is taken afresh
            By row = By.id("esc-" + id + "-clean");
            String text = browser.waitFor(d -> d.findElement(row).getText());
            String href = browser.waitFor(d -> d.findElement(row).findElement(By.cssSelector("a")).getAttribute("href"));
            assertThat(text).contains(organisation)
                    .contains(da ? "Eskaleret" : "Escalated")
                    .contains(da ? "clean (ledende)" : "clean (lead)")
                    .contains(da ? "Fordel delegationen igen med en anden ledende operatør" : "Route the delegation again with another lead")
                    .contains(da ? "dage" : "days");
            assertThat(href).endsWith("/delegations/" + id);
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo(da ? "Eskaleringer" : "Escalations");
        }
    }

    /** A lead's decline sent the delegation back to the desk with no sign on any list; the page lists it now. */
    @org.junit.jupiter.api.Test
    void aDelegationWhoseLeadDeclinedIsListedAsBackWithTheDesk() {
        dk.greatercph.ope.app.support.Lifecycle lifecycle = new dk.greatercph.ope.app.support.Lifecycle(new Api(port));
        String organisation = "Returned " + UUID.randomUUID();
        String id = lifecycle.registeredAndScreened(dk.greatercph.ope.app.support.Requests.delegation(organisation));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing",
                "{\"overrideLead\":\"chc\",\"overrideSupporting\":[],\"reason\":\"Returned test\"}"));
        dk.greatercph.ope.app.support.Lifecycle.ok(lifecycle.as("chc").post("/api/delegations/" + id
                + "/assignments/chc/decline", "{\"reason\":\"No capacity\"}"));
        lifecycle.desk().getUntil("/api/delegations?status=SCREENED&assignmentState=DECLINED&limit=200",
                r -> r.body().contains(id), java.time.Duration.ofSeconds(10));

        String page = dk.greatercph.ope.app.web.support.PageSession.signedIn(port, "desk").get("/escalations").body();

        assertThat(page).contains("id=\"returned-" + id + "\"", organisation, "Tilbage hos sekretariatet");
    }
}
