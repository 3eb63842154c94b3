package dk.greatercph.ope.platform.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The schema's migrations run on their own thread while the rest of the context is created (on a fresh database
 * they took the main thread about 1.8 s of a cold start). Until they are done, the application's connections wait
 * for them ({@link MigrationGatedDataSource}), so no part of the application ever sees a schema half migrated; and
 * the context does not finish its start (web server, event processors, scheduler) before they are done, nor at all
 * if they fail: {@link #afterSingletonsInstantiated()} waits and rethrows their failure.
 */
final class SchemaMigrationGate implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrationGate.class);

    private volatile CompletableFuture<Void> migrations = CompletableFuture.completedFuture(null);

    /** Runs the migrations on their own thread; connections wait for them from now on. */
    synchronized void begin(Runnable migrate) {
        if (!migrations.isDone()) {
            throw new IllegalStateException("the schema's migrations are already running");
        }
        CompletableFuture<Void> running = new CompletableFuture<>();
        migrations = running;
        Thread thread = new Thread(() -> {
            try {
                migrate.run();
                running.complete(null);
            } catch (Throwable failure) {
                running.completeExceptionally(failure);
            }
        }, "schema-migration");
        thread.setDaemon(true); // each migration is its own transaction: a JVM that exits mid-way leaves none half done
        thread.start();
    }

    /** Returns once no migration is running; throws the migrations' failure if they failed. */
    void awaitMigrated() {
        CompletableFuture<Void> running = migrations;
        if (running.isDone() && !running.isCompletedExceptionally()) {
            return;
        }
        if (!running.isDone()) {
            log.debug("Waiting for the schema's migrations in {}", Thread.currentThread().getName());
        }
        try {
            running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        awaitMigrated();
    }
}
