package dk.greatercph.ope.app.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command at its smoke size, as the README runs it ({@code java -jar app.jar benchmark}), so that the
 * program cannot rot: it must complete (exit 0) and print every figure of the table and the summary line. The numbers
 * are not asserted; on a shared build machine they mean nothing.
 */
class BenchmarkSmokeIT {

    private static final long LIMIT_MINUTES = 10;

    @Test
    void theBenchmarkCommandMeasuresEveryFigureAtSmokeSize() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("ope.fault.app-jar"));
        Path folder = Files.createDirectories(Path.of("target", "benchmark-smoke"));
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "benchmark", "--smoke")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(out);
        System.out.println(printed);
        assertThat(ended).as("ended within %d minutes; progress in %s", LIMIT_MINUTES, err).isTrue();
        assertThat(process.exitValue()).as("exit code; see %s", err).isZero();
        for (String figure : List.of("registrations over HTTP, 8 clients", "one client, registration latency",
                "live projections catching up on new events", "replay of the board projection", "queries at ",
                "cold start to healthy, fresh data folder", "resident memory after that run")) {
            assertThat(printed).contains(figure);
        }
        assertThat(printed.lines().filter(line -> line.startsWith("SUMMARY: ")).toList()).hasSize(1);
        assertThat(Files.readString(err)).contains("events appended", "replay of delegation-board");
    }
}
