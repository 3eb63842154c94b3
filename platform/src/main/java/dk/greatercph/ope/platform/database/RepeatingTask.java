package dk.greatercph.ope.platform.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run on a daemon thread of its own, with a fixed pause after each run, from {@link #start} to {@link #stop}. */
final class RepeatingTask {

    private final String threadName;
    private final Duration pause;
    private final Runnable task;
    private volatile ScheduledExecutorService executor;

    RepeatingTask(String threadName, Duration pause, Runnable task) {
        this.threadName = threadName;
        this.pause = pause;
        this.task = task;
    }

    void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(task, pause.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Stops scheduling and interrupts a run in progress. */
    void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    boolean isRunning() {
        return executor != null;
    }
}
