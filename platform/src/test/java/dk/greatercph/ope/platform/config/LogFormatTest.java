package dk.greatercph.ope.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console logs are JSON lines unless {@code ope.logging.format=plain} asks for Boot's text lines: a process started
 * with the platform's defaults (and nothing else) logs the same line both ways.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void plainOnRequestJsonOtherwise(CapturedOutput output) {
        String plainMarker = "plain-" + UUID.randomUUID();
        logWhileRunning(plainMarker, "--ope.logging.format=plain");
        String plainLine = lineWith(output, plainMarker);
        assertThat(plainLine).doesNotStartWith("{").contains(" INFO ", "LogFormatTest");

        String jsonMarker = "json-" + UUID.randomUUID();
        logWhileRunning(jsonMarker);
        JsonNode json = JsonMapper.builder().build().readTree(lineWith(output, jsonMarker));
        assertThat(json.path("message").asString()).isEqualTo(jsonMarker);
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("log").path("logger").asString()).isEqualTo(LogFormatTest.class.getName());
        assertThat(json.has("@timestamp")).isTrue();
    }

    /**
     * Boot configures logging once per JVM while a context that configured it is open (the cached test contexts are),
     * so the test first releases it; the process started here configures it anew, from the platform's defaults.
     */
    private static void logWhileRunning(String message, String... args) {
        LoggingSystem.get(LogFormatTest.class.getClassLoader()).cleanUp();
        try (ConfigurableApplicationContext running = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).run(args)) {
            boolean plain = List.of(args).contains("--ope.logging.format=plain");
            assertThat(running.getEnvironment().getProperty("logging.structured.format.console"))
                    .isEqualTo(plain ? "" : "ecs");
            LoggerFactory.getLogger(LogFormatTest.class).info(message);
        }
    }

    private static String lineWith(CapturedOutput output, String marker) {
        return output.getOut().lines().filter(line -> line.contains(marker)).findFirst().orElseThrow();
    }
}
