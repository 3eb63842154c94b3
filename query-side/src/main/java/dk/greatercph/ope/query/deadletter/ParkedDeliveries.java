package dk.greatercph.ope.query.deadletter;

import java.util.List;
import java.util.Optional;

/**
 * Deliveries outside the projections that gave up and wait for an administrator (the notification webhooks): they
 * are listed, read, retried and evicted through the same dead-letter endpoints, under their own {@link #name()}
 * in place of a projection's.
 */
public interface ParkedDeliveries {

    /** The name that stands where a projection's would: {@code ?projection=<name>}. */
    String name();

    long count();

    /** Oldest first. */
    List<DeadLetterView> page(int limit, long offset);

    Optional<DeadLetterDetailView> one(String id);

    /** Empty when {@code id} is not one of these; otherwise the letter is queued to be delivered again. */
    Optional<RetryOutcome> retry(String id);

    RetryOutcome retryAll();

    /** False when {@code id} is not one of these; otherwise it is given up for good and the eviction recorded. */
    boolean evict(String id, String reason, String actor);
}
