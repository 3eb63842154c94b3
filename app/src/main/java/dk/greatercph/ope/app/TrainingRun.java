package dk.greatercph.ope.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The build's class-data-sharing training run ({@code --ope.training-run=true}): once the application is ready it
 * asks its own health endpoint once, as the first user of a fresh start would, then shuts down cleanly, stopping
 * the embedded PostgreSQL, so that the JVM writes the classes it loaded to the archive named by
 * {@code -XX:ArchiveClassesAtExit} (see docs/performance-startup.md).
 */
final class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "ope.training-run";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        Thread exit = new Thread(() -> {
            askHealth(context.getEnvironment().getProperty("local.server.port", Integer.class, 0));
            log.info("Training run complete; shutting down");
            System.exit(SpringApplication.exit(context));
        }, "training-run-exit");
        exit.start();
    }

    private static void askHealth(int port) {
        if (port == 0) {
            return;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            log.info("Training run: /actuator/health answered {}", response.statusCode());
        } catch (Exception e) {
            log.warn("Training run: /actuator/health could not be asked ({})", e.toString());
        }
    }
}
