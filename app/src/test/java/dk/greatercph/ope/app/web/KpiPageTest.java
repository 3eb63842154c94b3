package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI dashboard in a browser: an operator's targets against its actuals as a chart with a table beside it, and
 * the Chinese delegations per year and per province, each number the one the API gives.
 */
@BrowserTest
class KpiPageTest {

    @LocalServerPort
    int port;

    /** An operator of its own with targets for {@code year}, leading one accepted delegation from a new province. */
    record Figures(int year, String operator, String name, String province) {
    }

    Figures figures() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        int year = ThreadLocalRandom.current().nextInt(2013, 2026);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "KPI Operator " + suffix;
        String province = "Province " + suffix;
        String operator = lifecycle.operator("kpi", name);
        lifecycle.agreeTargets(operator, year, """
                [{"kind":"DELEGATIONS_HANDLED","target":2},{"kind":"PROGRAMMES_DELIVERED","target":1}]""");
        for (int i = 0; i < 2; i++) {
            String id = lifecycle.registeredAndScreened("""
                    {"channel":"EMBASSY","requestingOrganisation":"KPI %s %d","country":"CN","originProvince":"%s",
                     "delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL","headCount":6,
                     "wishedFrom":"2027-09-06","wishedTo":"2027-09-10","themes":["AUTHORITY_SOIL_WATER"],
                     "purpose":"Study visit","businessOpportunity":"Soil partners","dateReceived":"%d-03-0%d"}"""
                    .formatted(suffix, i, province, year, i + 1));
            ok(desk.post("/api/delegations/" + id + "/routing", """
                    {"overrideLead":"%s","overrideSupporting":[],"reason":"KPI page test"}""".formatted(operator)));
            if (i == 0) {
                ok(desk.post("/api/delegations/" + id + "/assignments/" + operator + "/acceptance", ""));
            }
        }
        // the actuals come from the KPI projection, the operator's name and targets from the operator directory; the
        // page reloads itself only when the KPI projection moves on, so both must hold what it shows before it opens
        desk.getUntil("/api/kpis?year=" + year, r -> {
            JsonNode kpis = r.json();
            return kpis.get("desk").get("byOriginProvince").path(province).asLong() == 2
                    && kpis.get("operators").valueStream().anyMatch(o -> o.get("operatorId").asString().equals(operator)
                    && o.get("actuals").get("delegationsHandled").asLong() == 1
                    && name.equals(o.path("name").asString(null)) && o.get("targets").size() == 2);
        }, Duration.ofSeconds(10));
        return new Figures(year, operator, name, province);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskSeesTargetsAgainstActualsAndChineseDelegationsAsChartsWithTables(String lang) {
        Figures figures = figures();
        JsonNode kpis = new Api(port).as("desk").get("/api/kpis?year=" + figures.year()).json();
        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/kpi?year=" + figures.year(), "kpi");
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo((da ? "Nøgletal " : "KPIs ") + figures.year());

            String handled = row(browser, "kpi-target-table", figures.name(),
                    da ? "Delegationer håndteret" : "Delegations handled");
            assertThat(handled).contains("2").contains("1").contains(da ? "50 %" : "50%");
            String delivered = row(browser, "kpi-target-table", figures.name(),
                    da ? "Programmer gennemført" : "Programmes delivered");
            assertThat(delivered).contains(da ? "0 %" : "0%");
            List<WebElement> bars = browser.all(By.cssSelector("#kpi-targets ~ .chart-pair svg rect"));
            assertThat(bars).isNotEmpty();
            List<String> titles = browser.waitFor(d -> d.findElements(
                    By.cssSelector("#kpi-targets ~ .chart-pair svg g title")).stream()
                    .map(t -> t.getAttribute("textContent")).toList());
            // the bars name the operator, as the table beside them does (they said its code)
            assertThat(titles).contains(figures.name() + " · "
                    + (da ? "Delegationer håndteret" : "Delegations handled") + ": 1 / 2 (" + (da ? "50 %" : "50%") + ")");

            assertThat(row(browser, "kpi-province-table", figures.province())).endsWith("2");
            long chinese = kpis.get("desk").get("chineseDelegations").asLong();
            assertThat(row(browser, "kpi-year-table", Integer.toString(figures.year())))
                    .isEqualTo(figures.year() + " " + java.text.NumberFormat.getIntegerInstance(
                            java.util.Locale.forLanguageTag(lang)).format(chinese));
            // as the page's language writes a number (25.000 in Danish, 25,000 in English)
            String written = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(lang)).format(chinese);
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("kpi-chinese")).getText())).isEqualTo(written);
            assertThat(browser.all(By.cssSelector("#kpi-year-table tbody tr"))).hasSize(5);
            assertThat(browser.all(By.cssSelector("script[src]")).stream().map(s -> s.getAttribute("src")))
                    .noneMatch(src -> src.contains("echarts"));

            browser.script("document.getElementById('kpi-provinces').scrollIntoView()");
            browser.shot("kpi-provinces");
        }
    }

    /** The text of a table's row holding all of {@code texts}, read afresh: the dashboard reloads itself. */
    private static String row(Browser browser, String table, String... texts) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> java.util.Arrays.stream(texts).allMatch(text::contains))
                .findFirst().orElse(null));
    }

    @Test
    void aYearThatIsNotAYearIsABadRequestAndAnOperatorMayNotLook() {
        assertThat(PageSession.signedIn(port, "desk").get("/kpi?year=twenty").status()).isEqualTo(400);
        assertThat(PageSession.signedIn(port, "chc").get("/kpi").status()).isEqualTo(403);
    }
}
