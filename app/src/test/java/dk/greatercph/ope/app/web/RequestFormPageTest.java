package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk registers a request through the form: a bad field is refused beside it, then the request is registered. */
@BrowserTest
class RequestFormPageTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskSeesARefusalBesideItsFieldKeepsWhatItTypedAndThenRegistersTheRequest(String lang) {
        String organisation = "Form " + lang + " " + UUID.randomUUID();
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/requests/new", "request-form");
            new Select(browser.find(By.id("request-channel"))).selectByValue("EMBASSY");
            browser.find(By.id("request-requestingOrganisation")).sendKeys(organisation);
            browser.find(By.id("request-originProvince")).sendKeys("Jiangsu");
            new Select(browser.find(By.id("request-delegationType"))).selectByValue("BUSINESS");
            new Select(browser.find(By.id("request-politicalLevel"))).selectByValue("NONE");
            browser.find(By.id("request-headCount")).sendKeys("0");
            browser.find(By.id("request-themes-TOURISM")).click();
            browser.script("document.getElementById('request-wishedFrom').value = '2027-05-03';"
                    + "document.getElementById('request-wishedTo').value = '2027-05-07';");
            browser.find(By.id("request-businessOpportunity")).sendKeys("Hotel chains look for partners");
            browser.find(By.id("request-submit")).click();

            WebElement error = browser.find(By.id("request-headCount-error"));
            browser.check("request-refused");
            assertThat(error.getText()).isEqualTo(lang.equals("da") ? "Skriv et helt tal mellem 1 og 500."
                    : "Enter a whole number between 1 and 500.");
            WebElement headCount = browser.find(By.id("request-headCount"));
            assertThat(headCount.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(headCount.getAttribute("aria-describedby")).contains("request-headCount-error");
            assertThat(browser.find(By.id("refusal")).getText()).contains(lang.equals("da")
                    ? "Nogle felter er ikke udfyldt rigtigt." : "Some fields are not filled in correctly.");
            assertThat(browser.find(By.id("request-requestingOrganisation")).getAttribute("value")).isEqualTo(organisation);
            assertThat(browser.find(By.id("request-themes-TOURISM")).isSelected()).isTrue();

            headCount.clear();
            headCount.sendKeys("6");
            browser.find(By.id("request-submit")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("/delegations/DEL-"));
            browser.waitForText(organisation);
            browser.check("request-registered");
            assertThat(browser.find(By.id("delegation-status")).getText())
                    .isEqualTo(lang.equals("da") ? "Modtaget" : "Requested");
            // the facts reload themselves when the board moves on: read them afresh
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("facts")).getText())).contains("Jiangsu", "6");
        }
    }
}
