package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing table as a page: the operators and the themes each takes, which the desk registered and re-themed only
 * through the API before. Test operators take soil and water only, and their codes sort after every seeded one, so
 * that no other test's routing (R1 breaks ties by the lowest id) changes because of them.
 */
@BrowserTest
class OperatorsPageTest {

    @LocalServerPort
    int port;

    @Test
    void theDeskRegistersAnOperatorAndChangesItsThemesFromThePage() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String code = "zz-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Operator " + code;
        assertThat(desk.get("/operators").body()).contains("id=\"register-form\"", "id=\"themes-chc\"");

        PageSession.Page refused = desk.postEncoded("/operators", "code=Not+A+Code&name=" + name.replace(' ', '+')
                + "&themes=AUTHORITY_SOIL_WATER");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"register-code-error\"", "value=\"Not A Code\"",
                "value=\"" + name + "\"", "id=\"register-themes-AUTHORITY_SOIL_WATER\" name=\"themes\" "
                        + "value=\"AUTHORITY_SOIL_WATER\" checked");

        // text the API would refuse as not canonical: invisible only, the form shows the refusal beside the field
        PageSession.Page invisible = desk.postEncoded("/operators", "code=" + code + "&name=%E2%80%8B"
                + "&themes=AUTHORITY_SOIL_WATER");
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.header("Content-Type")).startsWith("text/html");
        assertThat(invisible.body()).contains("id=\"register-name-error\"", "value=\"" + code + "\"");
        // a control character pasted with the text (a word processor's line break): beside the field, in words,
        // not the bare JSON problem the edge answered before
        PageSession.Page pasted = desk.postEncoded("/operators", "code=" + code + "&name=Line%0Bbreak"
                + "&themes=AUTHORITY_SOIL_WATER");
        assertThat(pasted.status()).isEqualTo(400);
        assertThat(pasted.header("Content-Type")).startsWith("text/html");
        assertThat(pasted.body()).contains("id=\"register-name-error\"", "value=\"" + code + "\"",
                "Teksten indeholder et tegn, der ikke kan gemmes (U+000B)");
        // a constraint's message in general words, not the validator's ("må ikke være blank")
        assertThat(desk.postEncoded("/operators", "code=&name=&themes=AUTHORITY_SOIL_WATER").body())
                .contains("Skriv en ledig kode på 2–32 tegn", "Skriv et navn").doesNotContain("ikke være blank");

        // an accent typed as a letter and a combining mark is sent as the API takes it (NFC)
        PageSession.Page registered = desk.postEncoded("/operators", "code=" + code + "&name="
                + name.replace(' ', '+') + "+Cafe%CC%81&themes=AUTHORITY_SOIL_WATER");
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(desk.get("/operators").body()).contains("id=\"operator-" + code + "\"", name + " Café",
                "Operatøren " + code + " er registreret.");
        JsonNode operator = new Api(port).as("desk").getUntil("/api/operators/" + code, r -> r.status() == 200,
                Duration.ofSeconds(10)).json();

        PageSession.Page changed = desk.postEncoded("/operators/" + code + "/themes", "version="
                + operator.get("version").asLong() + "&themes=AUTHORITY_SOIL_WATER&themes=GREEN_GROWTH");
        try {
            assertThat(changed.status()).as(changed.body()).isEqualTo(302);
            String listed = desk.get("/operators?lang=en").body();
            assertThat(listed).contains("The themes of " + code + " are saved.");
            assertThat(listed.substring(listed.indexOf("id=\"operator-" + code + "\"")))
                    .contains("Green growth");

            // the page showed version 0: the operator has changed since, so nothing is overwritten unseen
            PageSession.Page stale = desk.postEncoded("/operators/" + code + "/themes",
                    "version=0&themes=AUTHORITY_SOIL_WATER");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.body()).contains("id=\"refusal\"", "Someone else changed the operator meanwhile");
            assertThat(stale.body()).as("the form shows the themes the operator has now")
                    .contains("id=\"themes-" + code + "-themes-GREEN_GROWTH\" name=\"themes\" value=\"GREEN_GROWTH\" "
                            + "checked");
            assertThat(new Api(port).as("desk").get("/api/operators/" + code).json().get("themes").size())
                    .isEqualTo(2);
        } finally {
            new Api(port).as("desk").put("/api/operators/" + code + "/themes",
                    "{\"themes\":[\"AUTHORITY_SOIL_WATER\"]}");
        }
    }

    /** A name registered in the wrong language ("The Capital Region's administration" on Danish pages) stayed. */
    @Test
    void theDeskRenamesAnOperatorWithItsReason() {
        String code = "zr-" + UUID.randomUUID().toString().substring(0, 8);
        Api api = new Api(port).as("desk");
        assertThat(api.post("/api/operators", "{\"code\":\"" + code + "\",\"name\":\"The " + code
                + " administration\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}").status()).isEqualTo(201);
        long version = api.getUntil("/api/operators/" + code, r -> r.status() == 200, Duration.ofSeconds(10)).json()
                .get("version").asLong();
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/operators").body()).contains("id=\"rename-" + code + "-name\"");

        PageSession.Page noReason = desk.post("/operators/" + code + "/name", Map.of("version", "" + version,
                "name", code + "s administration", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"rename-" + code + "-reason-error\"",
                "value=\"" + code + "s administration\"");
        PageSession.Page renamed = desk.post("/operators/" + code + "/name", Map.of("version", "" + version,
                "name", code + "s administration", "reason", "Named in Danish"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(302);
        assertThat(desk.get("/operators").body()).contains("Det nye navn for " + code + " er gemt.",
                code + "s administration");
        assertThat(api.get("/api/operators/" + code).json().get("name").asString()).isEqualTo(code + "s administration");
        Api.Response same = api.put("/api/operators/" + code + "/name", "{\"name\":\"" + code
                + "s administration\",\"reason\":\"Again\"}");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).as("the name it has records nothing").isEqualTo("\"" + (version + 1) + "\"");
        assertThat(new Api(port).as("auditor").get("/api/audit/events?type=OperatorRenamedEvent&aggregateId=" + code)
                .json().get("items").get(0).get("payload").get("previousName").asString())
                .isEqualTo("The " + code + " administration");
    }

    @Test
    void anAuditorReadsTheRoutingTableWithoutForms() {
        PageSession auditor = PageSession.signedIn(port, "auditor");
        PageSession.Page page = auditor.get("/operators");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"operator-chc\"", "id=\"operator-region\"")
                .doesNotContain("id=\"register-form\"", "id=\"operators-themes\"");
        assertThat(auditor.post("/operators", Map.of("code", "nope", "name", "Nope", "themes",
                "AUTHORITY_SOIL_WATER")).status()).isEqualTo(403);
        assertThat(PageSession.signedIn(port, "chc").get("/operators").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theRoutingTableReadsInBothLanguages(String lang) {
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/operators", "operators");
            assertThat(browser.find(By.cssSelector("h1")).getText())
                    .isEqualTo(lang.equals("da") ? "Operatører og temaer" : "Operators and themes");
            browser.find(By.cssSelector("#themes-chc summary")).click();
            assertThat(browser.find(By.id("themes-chc-themes-HEALTH_WELFARE_TECH")).isSelected()).isTrue();
            browser.check("operators-chc-open");
            assertThat(browser.all(By.cssSelector("nav a[href='/operators']"))).hasSize(1);
        }
    }
}
