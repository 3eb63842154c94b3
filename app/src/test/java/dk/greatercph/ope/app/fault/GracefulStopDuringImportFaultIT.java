package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F9: the embedded default is stopped gracefully ({@code SIGTERM}) while an import runs and another waits. The
 * run stops after a line, before the command bus stops: no line is refused for the shutdown, both runs read
 * {@code INTERRUPTED} after the next start, and neither run's copy of the file (nor the application's upload folder)
 * is left in the temporary folder.
 */
class GracefulStopDuringImportFaultIT {

    private static final int LINES = 60_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aGracefulStopEndsTheImportWithoutRefusingLinesOrLeavingItsFiles() throws IOException {
        ImportFaultSetting setting = ImportFaultSetting.in("f9");
        Postmaster postmaster = setting.postmaster();
        Path temporary = setting.temporary();
        String csv = csv("F9-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            String running;
            String waiting;
            try (JarProcess first = setting.start("f9-first")) {
                Api desk = new Api(first.port()).as("desk");
                running = dryRun(desk, first.port(), csv);
                waiting = dryRun(desk, first.port(), csv);
                Api.Response progress = desk.getUntil("/api/imports/" + running,
                        r -> r.status() == 200 && r.json().get("linesRead").asLong() >= 20, Duration.ofSeconds(90));
                assertThat(progress.json().get("state").asString()).as(progress.body()).isEqualTo("RUNNING");
                assertThat(importFiles(temporary)).as("each run's copy of the file").hasSize(2);

                assertThat(first.stop()).as("a graceful stop within the bound").isTrue();

                assertThat(first.log()).as("no line sent after the command bus stopped")
                        .doesNotContain("NoHandlerForCommandException");
            }
            assertThat(importFiles(temporary)).as("the running and the waiting run's files are deleted").isEmpty();
            try (Stream<Path> left = Files.list(temporary)) {
                assertThat(left.map(Path::toString).filter(name -> name.contains("ope-uploads-")))
                        .as("the application's upload folder, deleted as it closed").isEmpty();
            }

            try (JarProcess second = setting.start("f9-second")) {
                Api desk = new Api(second.port()).as("desk");
                JsonNode stopped = desk.get("/api/imports/" + running).json();
                assertThat(stopped.get("state").asString()).as(stopped.toString()).isEqualTo("INTERRUPTED");
                assertThat(stopped.get("linesRead").asLong()).isGreaterThanOrEqualTo(20).isLessThan(LINES);
                assertThat(stopped.get("refused").asLong()).as("lines refused for the shutdown").isZero();
                assertThat(stopped.get("recorded").asLong()).isEqualTo(stopped.get("linesRead").asLong());
                JsonNode queued = desk.get("/api/imports/" + waiting).json();
                assertThat(queued.get("state").asString()).as(queued.toString()).isEqualTo("INTERRUPTED");
                assertThat(queued.get("linesRead").asLong()).isZero();
                assertThat(second.stop()).isTrue();
            }
        } finally {
            postmaster.stopIfRunning();
        }
        assertThat(postmaster.running()).as("no PostgreSQL left behind").isEmpty();
    }

    static String dryRun(Api desk, int port, String csv) {
        Api.Response started = desk.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports?dryRun=true"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asString();
    }

    static String csv(String tag) {
        StringBuilder csv = new StringBuilder("country,dateReceived,channel,requestingOrganisation,originProvince,"
                + "originCity,delegationType,politicalLevel,headCount,wishedFrom,wishedTo,themes,purpose\n");
        for (int line = 0; line < LINES; line++) {
            csv.append("CN,2024-03-04,EMBASSY,").append(tag).append(" organisation ").append(line)
                    .append(",Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,12,2024-05-13,2024-05-17,INVESTMENT,")
                    .append("Study visit\n");
        }
        return csv.toString();
    }

    /** The import files anywhere under {@code folder} (each application keeps them in a folder of its own). */
    static List<Path> importFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("ope-import-")).toList();
        }
    }
}
