package dk.greatercph.ope.platform.processing;

import org.axonframework.common.AxonThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for work nobody waits on in a request: each one, as it starts, lowers its own scheduling priority (its
 * nice value) before it runs its work, so that when the cores are busy the scheduler serves the request threads
 * first and these with what is left.
 * <p>
 * The projections' processors are woken together once per wake interval under load; eleven of them, with their
 * reads and writes, took the two cores for some 20–30 ms of every 100 and delayed the requests that arrived then
 * (docs/performance.md, "The projections behind the requests"). At nice 10 a busy thread gets about a tenth of the
 * share of a normal one; on an idle machine it runs as fast as before. The database's own processes keep their
 * priority.
 * <p>
 * Java has no call for a thread's nice value (its thread priorities are ignored on Linux unless the JVM is started
 * with extra options, which then also raise its own threads' priority when run as root), so the thread runs the
 * system's {@code renice} (util-linux) on its own thread id once, when it starts. Raising a nice value needs no
 * privilege. Where that cannot be done (not Linux, no {@code renice}), the threads run at the process's priority
 * and this says so once in the log.
 */
public final class BackgroundThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private final ThreadFactory threads;
    private final int nice;

    private BackgroundThreads(ThreadFactory threads, int nice) {
        this.threads = threads;
        this.nice = nice;
    }

    /**
     * The threads {@code threads} makes, each lowering itself to {@code nice} as it starts; {@code threads} itself
     * when {@code nice} is 0 or it already does this.
     */
    public static ThreadFactory around(ThreadFactory threads, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice must be between 0 and 19: " + nice);
        }
        return nice == 0 || threads instanceof BackgroundThreads ? threads : new BackgroundThreads(threads, nice);
    }

    /** Threads named as Axon names a streaming processor's ({@code EventProcessor[name]-n}), at {@code nice}. */
    public static ThreadFactory forProcessor(String processor, int nice) {
        return around(new AxonThreadFactory("EventProcessor[" + processor + "]"), nice);
    }

    /** A daemon thread called {@code name}, not yet started, that runs {@code work} at {@code nice}. */
    public static Thread daemon(String name, int nice, Runnable work) {
        Thread thread = around(runnable -> new Thread(runnable, name), nice).newThread(work);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public Thread newThread(Runnable work) {
        return threads.newThread(() -> {
            lowerThisThread(nice);
            work.run();
        });
    }

    /**
     * Sets the calling thread's nice value, unless it is already that low (a process started with {@code nice}):
     * raising it back would need privilege. False, once logged, where that cannot be done here.
     */
    static boolean lowerThisThread(int nice) {
        String failure;
        try {
            if (!Files.exists(THREAD_SELF)) {
                failure = "the system has no " + THREAD_SELF;
            } else if (niceOf(THREAD_SELF) >= nice) {
                return true;
            } else {
                String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
                Process renice = new ProcessBuilder("renice", "--priority", Integer.toString(nice), "--pid",
                        threadId).redirectErrorStream(true).start();
                try (InputStream answer = renice.getInputStream(); OutputStream ignored = renice.getOutputStream()) {
                    if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                        renice.destroyForcibly();
                        failure = "renice did not answer within 5 s";
                    } else if (renice.exitValue() != 0) {
                        String said = new String(answer.readAllBytes()).strip();
                        failure = "renice answered " + renice.exitValue() + (said.isEmpty() ? "" : ": " + said);
                    } else {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            failure = "could not lower it: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (TOLD.compareAndSet(false, true)) {
            log.info("Background threads run at the process's priority, not at nice {}: {}", nice, failure);
        }
        return false;
    }

    /**
     * The nice value of a process or thread from its folder under {@code /proc} ({@code /proc/thread-self},
     * {@code /proc/self/task/<id>}): field 19 of its {@code stat}, counted after its name in parentheses, which may
     * hold spaces.
     */
    public static int niceOf(Path processOrThread) throws IOException {
        String stat = Files.readString(processOrThread.resolve("stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
