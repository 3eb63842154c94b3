package dk.greatercph.ope.app.web.support;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the pages in a real browser (headless Chromium through Selenium), against the shared application
 * context of {@link OpeIntegrationTest}. Without Chromium on the machine the test is skipped, unless
 * {@code OPE_BROWSER_TESTS=required} (as CI sets it): then a missing browser fails the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OpeIntegrationTest
@ExtendWith(ChromiumPresent.class)
public @interface BrowserTest {
}
