package dk.greatercph.ope.app.fault;

import dk.greatercph.ope.app.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F10: the embedded default is killed with {@code kill -9} while an import runs. The killed process cannot delete
 * its copy of the file; the next start deletes the killed process's upload folder with it, marks the run
 * {@code INTERRUPTED}, and keeps its own uploads in a folder of its own, which a graceful stop deletes.
 */
class KillNineDuringImportFaultIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theNextStartDeletesTheFileAKilledImportLeft() throws IOException {
        ImportFaultSetting setting = ImportFaultSetting.in("f10");
        Postmaster postmaster = setting.postmaster();
        Path temporary = setting.temporary();
        String csv = GracefulStopDuringImportFaultIT.csv("F10-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            String running;
            Path killedFolder;
            try (JarProcess first = setting.start("f10-first")) {
                Api desk = new Api(first.port()).as("desk");
                running = GracefulStopDuringImportFaultIT.dryRun(desk, first.port(), csv);
                desk.getUntil("/api/imports/" + running,
                        r -> r.status() == 200 && r.json().get("linesRead").asLong() >= 20, Duration.ofSeconds(90));
                killedFolder = uploadFolders(temporary).stream()
                        .filter(f -> f.getFileName().toString().startsWith("ope-uploads-" + first.pid() + "-"))
                        .findFirst().orElseThrow(() -> new AssertionError("no upload folder of " + first));

                first.kill9();

                assertThat(first.isAlive()).isFalse();
            }
            assertThat(GracefulStopDuringImportFaultIT.importFiles(killedFolder))
                    .as("kill -9 leaves the run's copy of the file").hasSize(1);

            try (JarProcess second = setting.start("f10-second")) {
                assertThat(killedFolder).as("the killed process's folder, deleted at the next start").doesNotExist();
                assertThat(second.log()).contains("Deleted 1 upload folder(s) of applications that ended");
                assertThat(uploadFolders(temporary)).as("only the running application's folder")
                        .singleElement().satisfies(own -> assertThat(own.getFileName().toString())
                                .startsWith("ope-uploads-" + second.pid() + "-"));
                JsonNode stopped = new Api(second.port()).as("desk").get("/api/imports/" + running).json();
                assertThat(stopped.get("state").asString()).as(stopped.toString()).isEqualTo("INTERRUPTED");
                assertThat(second.stop()).isTrue();
            }
            assertThat(uploadFolders(temporary)).as("a graceful stop deletes its own folder").isEmpty();
        } finally {
            postmaster.stopIfRunning();
        }
        assertThat(postmaster.running()).as("no PostgreSQL left behind").isEmpty();
    }

    private static List<Path> uploadFolders(Path temporary) throws IOException {
        try (Stream<Path> entries = Files.list(temporary)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("ope-uploads-")).toList();
        }
    }
}
