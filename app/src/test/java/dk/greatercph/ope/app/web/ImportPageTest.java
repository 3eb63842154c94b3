package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.platform.upload.UploadFolder;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history import in the desk's browser: a file with a column that cannot be imported is refused whole, naming
 * it; a good file's dry run lists its refused line in plain words; applying it runs with a progress bar to the end.
 */
@BrowserTest
class ImportPageTest {

    static final String HEADER = "country,dateReceived,channel,requestingOrganisation,originProvince,originCity,"
            + "delegationType,politicalLevel,headCount,wishedFrom,wishedTo,themes,purpose,businessOpportunity";

    @LocalServerPort
    int port;

    static Path file(String name, String content) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "import-page"));
            Path file = dir.resolve(name + "-" + UUID.randomUUID() + ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskTriesAFileReadsItsRefusedLineAndAppliesItWithAProgressBar(String lang) {
        boolean da = lang.equals("da");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder good = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 30; i++) {
            good.append("CN,2024-03-04,EMBASSY,Import page ").append(suffix).append(' ').append(i)
                    .append(",Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,12,2024-05-13,2024-05-17,HEALTH_WELFARE_TECH,Study visit,Partners\n");
            if (i == 1) {
                good.append("CN,2024-03-04,EMBASSY,Import page ").append(suffix)
                        .append(" refused,Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,0,2024-05-13,2024-05-17,HEALTH_WELFARE_TECH,Study visit,Partners\n");
            }
        }
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/imports", "import-form");
            browser.find(By.id("import-file")).sendKeys(file("unknown-column", "country,status\nCN,DONE\n").toString());
            browser.find(By.cssSelector("form[action$='/imports'] button[type=submit]")).click();
            waitForText(browser, da ? "Filen har en kolonne, som ikke kan importeres." : "The file has a column that cannot be imported.");
            WebElement input = browser.find(By.id("import-file"));
            assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find(By.id("import-file-error")).getText()).contains("status");
            browser.check("import-refused-file");

            browser.find(By.id("import-file")).sendKeys(file("history", good.toString()).toString());
            browser.find(By.cssSelector("form[action$='/imports'] button[type=submit]")).click();
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/imports/IMP-[^/]+$"));
            waitForState(browser, "DONE");
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo(da ? "Prøvekørsel af filen" : "Dry run of the file");
            assertThat(browser.find(By.id("import-recorded")).getText()).isEqualTo("30");
            assertThat(browser.find(By.id("import-refused")).getText()).isEqualTo("1");
            WebElement refused = browser.find(By.id("import-line-4"));
            // the field by its label and its error in the page's words (it was "headCount: must be greater than …")
            assertThat(refused.getText()).contains(da ? "Et eller flere felter er ugyldige." : "One or more fields are invalid.")
                    .contains(da ? "Antal deltagere: Skriv et helt tal mellem 1 og 500." : "Head count: Enter a whole number between 1 and 500.");
            browser.check("import-dry-run");
            String dryRun = browser.driver().getCurrentUrl().replaceFirst(".*/imports/", "");

            Object marker = browser.script("window.opeMarker = 'before apply'; return window.opeMarker");
            browser.find(By.id("import-apply")).click();
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/imports/IMP-[^/]+$") && !d.getCurrentUrl().endsWith(dryRun));
            Object applyPage = browser.script("window.opeMarker = 'apply page'; return window.opeMarker");
            assertThat(applyPage).isNotEqualTo(marker);
            waitForState(browser, "DONE");
            assertThat(browser.script("return window.opeMarker")).as("followed without a reload").isEqualTo(applyPage);
            WebElement progress = browser.find(By.id("import-progress"));
            assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max")).isEqualTo("31");
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo(da ? "Import af filen" : "Import of the file");
            assertThat(browser.find(By.id("import-recorded")).getText()).isEqualTo("30");
            assertThat(browser.all(By.id("import-apply"))).isEmpty();
            browser.check("import-applied");

            String run = browser.driver().getCurrentUrl().replaceFirst(".*/imports/", "");
            JsonNode applied = new Api(port).as("desk").get("/api/imports/" + run).json();
            assertThat(applied.get("dryRun").asBoolean()).isFalse();
            assertThat(applied.get("recorded").asInt()).isEqualTo(30);
        }
    }

    /** Waits for text on a page that htmx or a navigation may replace while it is read. */
    static void waitForText(Browser browser, String text) {
        browser.waitForText(text);
    }

    static void waitForState(Browser browser, String state) {
        browser.waitFor(d -> {
            try {
                return state.equals(d.findElement(By.id("import-run")).getAttribute("data-state"));
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return false;
            }
        });
    }

    /** A part being received when the process is killed is deleted with the process's folder at the next start. */
    @Test
    void uploadedPartsAreKeptInTheApplicationsUploadFolder(@Autowired MultipartConfigElement multipart,
                                                           @Autowired UploadFolder uploads) {
        assertThat(multipart.getLocation()).isEqualTo(uploads.path().toString());
        assertThat(uploads.path()).isDirectory();
    }

    /** Pressed again (or after Back), "Import the file" said the file was no longer kept, though it had been imported. */
    @Test
    void applyingTheSameDryRunAgainLeadsToTheImportItStarted() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/imports");
        String line = "CN,2024-03-04,EMBASSY,Import twice " + UUID.randomUUID()
                + ",Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,12,2024-05-13,2024-05-17,HEALTH_WELFARE_TECH,Study visit,Partners\n";
        PageSession.Page tried = desk.upload("/imports", "twice.csv",
                (HEADER + "\n" + line).getBytes(StandardCharsets.UTF_8));
        assertThat(tried.status()).as(tried.body()).isEqualTo(302);
        String dryRun = tried.header("Location").replaceFirst("^.*/imports/", "");
        new Api(port).as("desk").getUntil("/api/imports/" + dryRun, r -> r.body().contains("\"DONE\""),
                Duration.ofSeconds(20));
        assertThat(desk.get("/imports/" + dryRun).body()).contains("id=\"import-apply\"")
                .doesNotContain("id=\"import-file-not-here\"");
        // in another session the page offered nothing and said nothing
        assertThat(PageSession.signedIn(port, "desk").get("/imports/" + dryRun).body())
                .contains("id=\"import-file-not-here\"").doesNotContain("id=\"import-apply\"");

        PageSession.Page first = desk.post("/imports/" + dryRun + "/apply", Map.of());
        PageSession.Page again = desk.post("/imports/" + dryRun + "/apply", Map.of());

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).doesNotEndWith("/" + dryRun);
    }

    /** A line with too few cells was explained in the API's English, "line: has 5 cells; the header names 14 columns". */
    @Test
    void aLineWithTooFewCellsIsExplainedInThePagesLanguage() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/imports");
        PageSession.Page tried = desk.upload("/imports", "short.csv",
                (HEADER + "\nCN,2024-03-04,EMBASSY,Short line\n").getBytes(StandardCharsets.UTF_8));
        assertThat(tried.status()).as(tried.body()).isEqualTo(302);
        String dryRun = tried.header("Location").replaceFirst("^.*/imports/", "");
        new Api(port).as("desk").getUntil("/api/imports/" + dryRun, r -> r.body().contains("\"DONE\""),
                Duration.ofSeconds(20));

        String page = desk.get("/imports/" + dryRun).body();

        assertThat(page).contains("Linjen: har 4 felter, men den første linje navngiver")
                .doesNotContain("cells", "line: ");
    }

    @Test
    void aPostWithoutAFileIsRefusedNamingTheFileAndAnAuditorMayNotImport() {
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/imports");
        PageSession.Page refused = desk.post("/imports", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"import-file-error\"").contains("Vælg en CSV-fil.");
        // an Excel workbook was refused as "is not UTF-8 text", a file in Danish Excel's own CSV likewise in English
        PageSession.Page workbook = desk.upload("/imports", "history.xlsx", new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0});
        assertThat(workbook.status()).isEqualTo(400);
        assertThat(workbook.body()).contains("Filen er et regneark (Excel), ikke CSV");
        PageSession.Page latin = desk.upload("/imports", "history.csv",
                "country;requestingOrganisation\r\nSE;Region Skåne\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin.status()).isEqualTo(400);
        assertThat(latin.body()).contains("CSV UTF-8 (kommasepareret)").doesNotContain("is not UTF-8 text");
        // a file of only a byte-order mark has no header line: the API's English was shown beside the field
        PageSession.Page bom = desk.upload("/imports", "history.csv", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(bom.status()).isEqualTo(400);
        assertThat(bom.body()).contains("Filen er tom: den første linje skal navngive kolonnerne.")
                .doesNotContain("has no header line");
        PageSession.Page empty = desk.upload("/imports", "history.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Filen er tom.");
        PageSession auditor = PageSession.signedIn(port, "auditor");
        auditor.get("/account");
        assertThat(auditor.post("/imports", Map.of()).status()).isEqualTo(403);
    }
}
