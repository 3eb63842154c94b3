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

    /**
     * SIGSTOP to the postmaster, then to its children: the server keeps its sockets but answers nothing. Stopped
     * first, the postmaster forks no child that the list of its children would miss.
     */
    void pause() {
        send("-STOP", List.of(pid));
        children("-STOP");
    }

    /**
     * SIGCONT to the children, then to the postmaster: the paused server carries on. While the postmaster is still
     * stopped it forks no child and reaps none, so the list of its children holds while they are signalled.
     */
    void resume() {
        children("-CONT");
        send("-CONT", List.of(pid));
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

    /**
     * Signals the postmaster's children. One that ends between being listed and being signalled (a child the
     * postmaster was starting when it was stopped) is left out and the rest are signalled again, so only a signal
     * that reached no living child fails.
     */
    private void children(String signal) {
        List<Long> children = ProcessHandle.of(pid).map(process -> process.descendants().map(ProcessHandle::pid)
                .toList()).orElse(List.of());
        if (!children.isEmpty() && !kill(signal, children)) {
            send(signal, children.stream().filter(child -> ProcessHandle.of(child).isPresent()).toList());
        }
    }

    private void send(String signal, List<Long> pids) {
        if (!pids.isEmpty() && !kill(signal, pids)) {
            throw new IllegalStateException("kill " + signal + " " + pids + " failed");
        }
    }

    private static boolean kill(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(each -> command.add(Long.toString(each)));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (Exception e) {
            throw new IllegalStateException("could not signal " + String.join(" ", command), e);
        }
    }
}
