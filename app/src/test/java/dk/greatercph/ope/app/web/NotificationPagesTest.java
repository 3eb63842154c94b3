package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification pages in a browser: the desk configures an operator's notifications, the administrator reads the outbox. */
@BrowserTest
class NotificationPagesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskAddsARecipientAndAWebhookForAnOperatorSeesThemListedAndTheSecretOnce(String lang) {
        String operator = NotificationFormsTest.freshOperator(port);
        String address = "bookings-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
        String url = "http://127.0.0.1:9/" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/notifications", "desk-settings");
            new Select(browser.find(By.id("owner-pick"))).selectByValue(operator);
            browser.find(By.id("owner-open")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("owner=" + operator));

            browser.find(By.id("recipient-address")).sendKeys(address);
            new Select(browser.find(By.id("recipient-language"))).selectByValue("en");
            browser.find(By.id("recipient-add")).click();
            browser.waitForText(address);
            // the lists reload themselves when the settings' view moves on: each look is taken afresh
            assertThat(browser.<String>waitFor(d -> d.findElement(By.cssSelector("table.recipients")).getText()))
                    .contains(address, lang.equals("da") ? "Engelsk" : "English");

            browser.find(By.id("webhook-url")).sendKeys(url);
            browser.find(By.id("webhook-add")).click();
            browser.waitForText(lang.equals("da") ? "Webhooken er oprettet." : "The webhook has been subscribed.");
            assertThat(browser.<String>waitFor(d -> {
                String webhooks = d.findElement(By.cssSelector("table.webhooks")).getText();
                return webhooks.contains(url) ? webhooks : null;
            })).contains(url);
            String secret = browser.find(By.id("secret-value")).getText();
            assertThat(secret).startsWith("whsec_");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
            browser.check("operator-settings");

            browser.visit("/notifications?owner=" + operator, "operator-settings-again");
            assertThat(browser.all(By.id("secret-value"))).as("the secret is shown once").isEmpty();
            assertThat(browser.text()).doesNotContain(secret);
        }
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("admin")) {
            browser.visit("/admin/notifications", "outbox");
            assertThat(browser.<String>waitFor(d -> d.findElement(By.cssSelector("table.outbox caption")).getText()))
                    .isEqualTo(lang.equals("da") ? "Underretninger, nyeste først" : "Notifications, newest first");
            browser.find(By.id("status-SENT")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("status=SENT"));
            browser.check("outbox-sent");
        }
    }
}
