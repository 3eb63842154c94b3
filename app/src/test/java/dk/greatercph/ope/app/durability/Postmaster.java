package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals to the PostgreSQL a test started itself: its postmaster and the postmaster's children, by process id,
 * never by name.
 */
final class Postmaster {

    private final long pid;

    private Postmaster(long pid) {
        this.pid = pid;
    }

    static Postmaster of(EmbeddedPostgresServer server) {
        return new Postmaster(server.postmasterPid().orElseThrow(() ->
                new IllegalStateException("no postmaster.pid in " + server.dataDir())));
    }

    long pid() {
        return pid;
    }

    /** SIGSTOP to the postmaster and its children: the server keeps its sockets but answers nothing. */
    void pause() {
        signal("-STOP");
    }

    /** SIGCONT: the paused server carries on. */
    void resume() {
        signal("-CONT");
    }

    /**
     * SIGKILL to the postmaster and then to all its children, straight from this JVM (no helper process), so
     * that nothing gets time to flush; then waits until they are gone.
     */
    void kill() {
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().join();
        children.forEach(child -> child.onExit().join());
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(pid)));
        ProcessHandle.of(pid).ifPresent(process -> process.descendants()
                .forEach(child -> command.add(Long.toString(child.pid()))));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not signal " + String.join(" ", command), e);
        }
    }
}
