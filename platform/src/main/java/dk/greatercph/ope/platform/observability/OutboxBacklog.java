package dk.greatercph.ope.platform.observability;

import java.time.Duration;

/**
 * The hook for an outbox of messages that leave the system (notifications): declare an implementation as a bean and
 * the platform publishes its backlog as the gauges {@code ope.outbox.pending} (messages waiting) and
 * {@code ope.outbox.oldest.pending} (seconds the oldest has waited), tagged {@code outbox=}{@link #name()}. Both are
 * read at every scrape, so each should be one cheap query.
 */
public interface OutboxBacklog {

    /** The outbox's name, a fixed word such as {@code notifications}: the tag value, so never data. */
    String name();

    /** How many messages wait to be sent. */
    long pending();

    /** How long the oldest waiting message has waited; zero when none waits. */
    Duration oldestPending();
}
