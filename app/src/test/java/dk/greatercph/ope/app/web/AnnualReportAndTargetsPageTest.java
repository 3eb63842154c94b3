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

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages for what the desk did with curl before: the committee's annual report read and downloaded, and an
 * operator's KPI targets agreed for a year, each figure the one the API gives.
 */
@BrowserTest
class AnnualReportAndTargetsPageTest {

    @LocalServerPort
    int port;

    /** A year of receipt of its own, with one request from a province nobody else uses, declined with a reason. */
    record Year(int year, String province, String organisation) {
    }

    Year year() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        int year = ThreadLocalRandom.current().nextInt(1950, 2010);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String province = "Province " + suffix;
        String organisation = "Report " + suffix;
        String id = lifecycle.registeredAndScreened("""
                {"channel":"EMBASSY","requestingOrganisation":"%s","country":"CN","originProvince":"%s",
                 "delegationType":"BUSINESS","politicalLevel":"NONE","headCount":6,
                 "wishedFrom":"2027-09-06","wishedTo":"2027-09-10","themes":["INVESTMENT"],
                 "purpose":"Study visit","businessOpportunity":"Partners","dateReceived":"%d-03-02"}"""
                .formatted(organisation, province, year));
        ok(lifecycle.desk().post("/api/delegations/" + id + "/decline", """
                {"reason":"No business focus"}"""));
        lifecycle.desk().getUntil("/api/reports/annual/" + year, r -> r.json().get("notRealised").get("declined")
                .asLong() >= 1, Duration.ofSeconds(10));
        return new Year(year, province, organisation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskReadsTheAnnualReportWithTheApisFigures(String lang) {
        Year year = year();
        JsonNode report = new Api(port).as("desk").get("/api/reports/annual/" + year.year()).json();
        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/reports/annual?year=" + year.year(), "annual-report");
            assertThat(browser.find(By.cssSelector("h1")).getText())
                    .isEqualTo((da ? "Årsrapport " : "Annual report ") + year.year());
            // numbers as the page's language writes them (25.000 in Danish, 25,000 in English)
            java.text.NumberFormat number = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(lang));
            assertThat(browser.find(By.id("report-received")).getText())
                    .isEqualTo(number.format(report.get("delegations").get("received").asLong()));
            assertThat(browser.find(By.id("report-province-table")).getText()).contains(year.province() + " 1");
            WebElement declined = browser.find(By.id("report-not-realised-table"));
            assertThat(declined.getText()).contains(year.organisation(), "No business focus",
                    da ? "Afvist" : "Declined");
            assertThat(browser.find(By.id("report-xlsx")).getAttribute("href"))
                    .endsWith("/reports/annual/download?year=" + year.year() + "&format=xlsx");
            assertThat(browser.all(By.cssSelector("nav a[href='/reports/annual']"))).isNotEmpty();
            // every operator's actuals, also those of kinds without an agreed target (they were left out)
            JsonNode first = report.get("operators").get(0);
            String operator = first.get("operatorId").asString();
            assertThat(browser.find(By.id("report-" + operator + "-TOURISTS")).getText())
                    .endsWith(number.format(first.get("actuals").get("tourists").asLong()));
            assertThat(browser.all(By.cssSelector("#report-operator-table tbody tr")))
                    .hasSize(report.get("operators").size() * 7);
        }
    }

    @Test
    void theReportDownloadsAsTheApiWritesItAndOnlyForThoseWhoMayReadIt() {
        Year year = year();
        PageSession desk = PageSession.signedIn(port, "desk");

        PageSession.Page csv = desk.get("/reports/annual/download?year=" + year.year() + "&format=csv");
        PageSession.Page xlsx = desk.get("/reports/annual/download?year=" + year.year() + "&format=xlsx");
        PageSession.Page unknown = desk.get("/reports/annual/download?year=" + year.year() + "&format=pdf");
        PageSession.Page operator = PageSession.signedIn(port, "clean")
                .get("/reports/annual/download?year=" + year.year() + "&format=csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("annual-report-" + year.year() + ".csv");
        // as a spreadsheet in the page's language reads it: a byte order mark, and in Danish semicolons and
        // decimal commas (Danish Excel showed each line in one cell, and æ, ø, å as two characters each)
        // and in the page's words, a share to four decimals: "Sectors;PUBLIC;share;0,8888888888888888" before
        assertThat(csv.body()).startsWith("\uFEFFAfsnit;Emne;Opgørelse;Værdi").contains(year.province())
                .containsPattern("\nSektorer;Offentlig;Andel;[0-9]+(,[0-9]{1,4})?\r?\n")
                .contains("\nLande;Kina;Henvendelser;").contains("\nIkke gennemført;Afvist;Henvendelser;")
                .doesNotContain("Not realised", "PUBLIC");
        PageSession.Page english = desk.get("/reports/annual/download?year=" + year.year() + "&format=csv&lang=en");
        assertThat(english.body()).startsWith("\uFEFFSection,Item,Measure,Value")
                .containsPattern("\nSectors,Public,Share,[0-9]+(\\.[0-9]{1,4})?\r?\n");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.header("Content-Disposition")).contains("annual-report-" + year.year() + ".xlsx");
        assertThat(xlsx.body()).startsWith("PK");
        // the spreadsheet in the page's language too: it was the API's, byte for byte, in English and codes
        try (var danish = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                desk.download("/reports/annual/download?year=" + year.year() + "&format=xlsx&lang=da")));
             var inEnglish = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                     desk.download("/reports/annual/download?year=" + year.year() + "&format=xlsx&lang=en")))) {
            assertThat(danish.getSheet("Sektorer")).isNotNull();
            assertThat(danish.getSheet("Ikke gennemført")).isNotNull();
            assertThat(danish.getSheet("Not realised")).isNull();
            var sectors = danish.getSheet("Sektorer");
            assertThat(sectors.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Emne");
            java.util.List<String> items = new java.util.ArrayList<>();
            sectors.forEach(row -> items.add(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue()));
            assertThat(items).contains("Offentlig/Andel").doesNotContain("PUBLIC/share");
            var share = java.util.stream.StreamSupport.stream(sectors.spliterator(), false)
                    .filter(row -> row.getCell(1).getStringCellValue().equals("Andel")).findFirst().orElseThrow();
            assertThat(share.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(inEnglish.getSheet("Not realised")).isNotNull();
            assertThat(inEnglish.getSheet("Sectors").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Item");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("format");
        assertThat(operator.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskAgreesAnOperatorsTargetsOnTheKpiPage(String lang) {
        Api desk = new Api(port).as("desk");
        String name = "Targets " + UUID.randomUUID();
        String operator = new Lifecycle(new Api(port)).operator("tgt", name);
        int year = ThreadLocalRandom.current().nextInt(2030, 2100);
        desk.getUntil("/api/kpis?year=" + year, r -> r.json().get("operators").valueStream()
                .anyMatch(o -> o.get("operatorId").asString().equals(operator)), Duration.ofSeconds(10));
        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/kpi?year=" + year, "kpi-agreements");
            browser.find(By.cssSelector("#targets-" + operator + " summary")).click();
            WebElement handled = browser.find(By.id("target-" + operator + "-DELEGATIONS_HANDLED"));
            handled.sendKeys("seven");
            browser.find(By.id("agree-" + operator)).click();
            browser.waitForText(da ? "Skriv et helt tal" : "Write a whole number");
            browser.check("kpi-agreement-refused");
            assertThat(desk.get("/api/kpis?year=" + year).json().get("operators").valueStream()
                    .filter(o -> o.get("operatorId").asString().equals(operator)).findFirst().orElseThrow()
                    .get("targets").size()).isZero();

            handled = browser.find(By.id("target-" + operator + "-DELEGATIONS_HANDLED"));
            assertThat(handled.getAttribute("value")).as("what was typed stays").isEqualTo("seven");
            assertThat(handled.getAttribute("aria-invalid")).isEqualTo("true");
            handled.clear();
            handled.sendKeys("7");
            // as the page writes a count: with the language's thousands separator
            browser.find(By.id("target-" + operator + "-TOURISTS")).sendKeys(da ? "1.200" : "1,200");
            browser.find(By.id("agree-" + operator)).click();
            browser.waitForText(da ? "er gemt" : "are saved");
            browser.check("kpi-agreement-saved");
            // the table is redrawn when the KPI view moves on: read it once it holds the new agreement
            assertThat(browser.<String>waitFor(d -> {
                String table = d.findElement(By.id("kpi-target-table")).getText();
                return table.contains(name) ? table : null;
            })).contains(name);
        }
        JsonNode targets = desk.get("/api/kpis?year=" + year).json().get("operators").valueStream()
                .filter(o -> o.get("operatorId").asString().equals(operator)).findFirst().orElseThrow().get("targets");
        assertThat(targets.valueStream().map(t -> t.get("kind").asString() + "=" + t.get("target").asLong()))
                .containsExactlyInAnyOrder("DELEGATIONS_HANDLED=7", "TOURISTS=1200");
        String form = PageSession.signedIn(port, "desk").get("/kpi?year=" + year).body();
        assertThat(form).as("the agreed targets fill the form in")
                .contains("id=\"target-" + operator + "-DELEGATIONS_HANDLED\" name=\"DELEGATIONS_HANDLED\" type=\"text\" value=\"7\"")
                .contains("id=\"target-" + operator + "-TOURISTS\" name=\"TOURISTS\" type=\"text\" value=\"1200\"")
                .contains("id=\"target-" + operator + "-JOBS_CREATED\" name=\"JOBS_CREATED\" type=\"text\" value=\"\"");
    }

    /** A target form without its year, or with a field twice, is refused naming it, and records nothing. */
    @Test
    void aTargetFormWithoutItsYearOrWithAFieldTwiceRecordsNothing() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/kpi?year=2031");
        long before = new Api(port).as("desk").get("/api/operators/chc").json().get("version").asLong();

        PageSession.Page noYear = desk.post("/kpi/targets", Map.of("operatorId", "chc", "DELEGATIONS_HANDLED", "5"));
        desk.get("/kpi?year=2031");
        PageSession.Page repeated = desk.postEncoded("/kpi/targets",
                "year=2031&operatorId=chc&DELEGATIONS_HANDLED=3&DELEGATIONS_HANDLED=4");

        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body()).contains("«year»");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.body()).contains("«DELEGATIONS_HANDLED»");
        // two figures that are no whole numbers are both marked: only the first was, the other a round later
        desk.get("/kpi?year=2031");
        PageSession.Page twoWrong = desk.post("/kpi/targets", Map.of("year", "2031", "operatorId", "chc",
                "JOBS_CREATED", "abc", "MOUS_SIGNED", "-1"));
        assertThat(twoWrong.status()).isEqualTo(400);
        assertThat(twoWrong.body()).contains("id=\"target-chc-JOBS_CREATED-error\"",
                "id=\"target-chc-MOUS_SIGNED-error\"", "value=\"abc\"", "Ret de 2 felter, der er markeret.");
        assertThat(new Api(port).as("desk").get("/api/operators/chc").json().get("version").asLong())
                .isEqualTo(before);
    }

    @Test
    void onlyTheDeskAgreesTargets() {
        PageSession auditor = PageSession.signedIn(port, "auditor");
        auditor.get("/kpi?year=2001");

        PageSession.Page refused = auditor.post("/kpi/targets", Map.of("year", "2001", "operatorId", "chc",
                "DELEGATIONS_HANDLED", "3"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(auditor.get("/kpi?year=2001").body()).doesNotContain("kpi-agreements");
    }
}
