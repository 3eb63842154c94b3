package dk.greatercph.ope.app.web.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser: headless Chromium (Debian's) driven by Selenium, signed in as one user, in one language.
 * Every {@link #visit} saves a screenshot under {@code target/screenshots/<test>/} and checks the page with
 * axe-core (WCAG 2.1 A and AA rules): a serious or critical violation fails the test.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("ope.browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("ope.browser.driver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger SHOTS = new AtomicInteger();

    private final WebDriver driver;
    private final String baseUrl;
    private final String lang;
    private final Path shots;
    private final Path profile;

    private Browser(String baseUrl, String lang, String testName) {
        this.baseUrl = baseUrl;
        this.lang = lang;
        this.shots = Path.of("target", "screenshots", testName);
        try {
            this.profile = Files.createTempDirectory("ope-chromium-");
            Files.createDirectories(shots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--lang=" + lang);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /** A new browser for {@code baseUrl} (e.g. {@code http://localhost:51234}) showing pages in {@code lang}. */
    public static Browser open(String baseUrl, String lang, Class<?> test) {
        return new Browser(baseUrl, lang, test.getSimpleName());
    }

    public WebDriver driver() {
        return driver;
    }

    public String lang() {
        return lang;
    }

    /** Signs in through the form, in this browser's language. */
    public Browser login(String user, String password) {
        driver.get(baseUrl + "/login?lang=" + lang);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** A demo user, whose password is its name. */
    public Browser login(String user) {
        return login(user, user);
    }

    /** Opens a page, waits until htmx has settled, saves a screenshot and checks accessibility. */
    public Browser visit(String path, String shotName) {
        driver.get(baseUrl + path);
        settle();
        return check(shotName);
    }

    /** The current page: a screenshot and the accessibility check, as after a visit. */
    public Browser check(String shotName) {
        settle();
        shot(shotName);
        assertAccessible(shotName);
        return this;
    }

    /** Saves a screenshot of what the browser shows now. */
    public Path shot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path file = shots.resolve(String.format(Locale.ROOT, "%03d-%s-%s.png", SHOTS.incrementAndGet(), name, lang));
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** axe-core over the page, WCAG 2.1 A and AA rules: no serious or critical violation. */
    public void assertAccessible(String where) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> grave = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(grave).as("axe-core on %s (%s): %s", where, lang, describe(grave)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    /** Waits until no htmx request is in flight and the document is loaded. */
    public void settle() {
        waitFor(d -> "complete".equals(script("return document.readyState"))
                && Boolean.TRUE.equals(script("return !document.querySelector('.htmx-request')")));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits until the condition holds. Pages swap parts of themselves (htmx) and reload (after a form), so an element
     * found a moment ago may be gone when it is read: that counts as "not yet", not as a failure. Chromium reports
     * such an element either as stale or, when the document itself was replaced mid-read, as a node that "does not
     * belong to the document".
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** The question a form asked before it was sent (its data-confirm), answered yes or no; returns its words. */
    public String answerQuestion(boolean yes) {
        org.openqa.selenium.Alert question = new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent());
        String words = question.getText();
        if (yes) {
            question.accept();
        } else {
            question.dismiss();
        }
        return words;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until the page's text contains {@code text}. */
    public void waitForText(String text) {
        waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** The page's whole text, read again if the page was replaced while it was being read. */
    public String text() {
        return waitFor(d -> d.findElement(By.tagName("body")).getText());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
