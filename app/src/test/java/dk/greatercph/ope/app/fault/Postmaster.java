package dk.greatercph.ope.app.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server process that owns a data folder, as its {@code postmaster.pid} names it. A JVM killed
 * with {@code kill -9} leaves the embedded PostgreSQL it started running; this finds it and, at the end of a
 * test, stops it.
 *
 * @param dataDir the database cluster's folder
 */
record Postmaster(Path dataDir) {

    /** The running postmaster of the folder, if there is one. */
    Optional<ProcessHandle> running() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Fast shutdown ({@code SIGINT}) of the folder's postmaster if one runs; {@code SIGKILL} if that hangs. */
    void stopIfRunning() {
        running().ifPresent(postmaster -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start()
                        .waitFor(10, TimeUnit.SECONDS);
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
            }
        });
    }
}
