package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.PoisonSwitch;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class AdminPagesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theAdministratorReplaysAProjectionAndWatchesItsProgressBarReachTheEnd(String lang) {
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("admin")) {
            browser.visit("/admin/projections", "projections");
            By row = By.id("projection-reference-names");
            browser.find(By.cssSelector("#projection-reference-names button.replay-button")).click();
            assertThat(browser.answerQuestion(false)).contains(lang.equals("da") ? "Genopbyg visningen reference-names"
                    : "Rebuild the view reference-names");
            assertThat(browser.text()).as("not asked for").doesNotContain(lang.equals("da")
                    ? "Genopbygningen af reference-names er startet." : "The replay of reference-names has started.");
            browser.find(By.cssSelector("#projection-reference-names button.replay-button")).click();
            browser.answerQuestion(true);
            browser.waitForText(lang.equals("da") ? "Genopbygningen af reference-names er startet."
                    : "The replay of reference-names has started.");
            AtomicBoolean sawItRunning = new AtomicBoolean();
            browser.waitFor(d -> {
                String text = textOf(d, row);
                if (text.contains(lang.equals("da") ? "Genopbygges" : "Replaying")) {
                    sawItRunning.set(true);
                }
                return text.contains(lang.equals("da") ? "Færdig" : "Done");
            });
            assertThat(browser.find(By.id("progress-reference-names")).getDomProperty("value")).isEqualTo("1");
            assertThat(browser.find(row).getText()).contains("100 %")
                    .contains(lang.equals("da") ? "Af dens processor." : "By its processor.");
            System.out.printf("replay of reference-names (%s): progress bar seen polling while running: %s%n",
                    lang, sawItRunning.get());
            browser.check("replay-done");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theAdministratorRetriesADeadLetterAfterTheFix(String lang) {
        Api desk = new Api(port).as("desk");
        Api admin = new Api(port).as("admin");
        String marker = "Admin page poison " + UUID.randomUUID();
        PoisonSwitch.poison("reference-names", marker);
        try {
            String venue = desk.post("/api/venues", "{\"name\":\"" + marker + "\",\"capacity\":20}").json()
                    .get("id").asString();
            String letter = AdminFormsTest.letterOf(admin, venue);
            PoisonSwitch.cure(marker);

            try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("admin")) {
                browser.visit("/admin/dead-letters?projection=reference-names", "dead-letters");
                browser.find(By.cssSelector("#letter-" + letter + " button.retry")).click();
                browser.waitForText(lang.equals("da") ? "Prøvet igen: 1 rækker, heraf 1 gennemført; 0 hændelser"
                        : "Retried: 1 sequences, 1 of them completed; 0 letters");
                assertThat(browser.all(By.id("letter-" + letter))).isEmpty();
                browser.check("dead-letter-retried");
            }
            assertThat(admin.get("/api/admin/dead-letters/" + letter).status()).isEqualTo(404);
        } finally {
            PoisonSwitch.cure(marker);
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
