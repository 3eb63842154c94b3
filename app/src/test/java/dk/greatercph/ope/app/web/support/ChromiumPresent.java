package dk.greatercph.ope.app.web.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs browser tests where Chromium is, skips them elsewhere, and never skips them where they are required. */
public final class ChromiumPresent implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.available()) {
            return ConditionEvaluationResult.enabled("Chromium and its driver are installed");
        }
        if ("required".equals(System.getenv("OPE_BROWSER_TESTS"))) {
            throw new IllegalStateException("Browser tests are required (OPE_BROWSER_TESTS=required) but "
                    + Browser.CHROMIUM + " or " + Browser.DRIVER + " is missing: install Debian's chromium and "
                    + "chromium-driver (.ci/run does).");
        }
        return ConditionEvaluationResult.disabled("No Chromium here (" + Browser.CHROMIUM + ", " + Browser.DRIVER
                + "); .ci/run installs it and requires these tests");
    }
}
