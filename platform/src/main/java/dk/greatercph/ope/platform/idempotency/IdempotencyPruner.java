package dk.greatercph.ope.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes expired Idempotency-Key records now and then, so the table holds only what can still be replayed. */
public class IdempotencyPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruner.class);

    private final JdbcClient jdbc;
    private final Duration interval;
    private ScheduledExecutorService executor;

    IdempotencyPruner(JdbcClient jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** Deletes every record whose expiry has passed; answers how many. */
    public int pruneExpired() {
        return jdbc.sql("DELETE FROM idempotency_record WHERE expires_at <= now()").update();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-pruner");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pruneQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pruneQuietly() {
        try {
            int pruned = pruneExpired();
            if (pruned > 0) {
                log.info("Pruned {} expired Idempotency-Key records", pruned);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning expired Idempotency-Key records failed; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
