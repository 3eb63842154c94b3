package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class BoardPageTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskSeesTheBoardAndANewRequestAppearsWithoutAReload(String lang) {
        Api desk = new Api(port).as("desk");
        String before = "Board before " + UUID.randomUUID();
        String id = desk.post("/api/delegations", Requests.delegation(before)).json().path("id").asString();
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/board?q=" + "Board", "board");
            browser.waitForText(before);
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo(lang.equals("da") ? "Tavle" : "Board");

            String after = "Board live " + UUID.randomUUID();
            Object marker = browser.script("window.opeMarker = 'same page'; return window.opeMarker");
            desk.post("/api/delegations", Requests.delegation(after));
            browser.waitForText(after);
            assertThat(browser.script("return window.opeMarker")).as("no reload").isEqualTo(marker);
            browser.check("board-live");
            // the results reload themselves when the board moves on: read the row afresh
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("row-" + id)).getText())).contains(before);
        }
    }
}
