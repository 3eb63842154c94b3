package dk.greatercph.ope.query.inbox;

import java.time.Instant;

/**
 * One operator's assignments, optionally only those in one state: open ones first (offered, then escalated) by due
 * time, then the answered ones, the latest change first. At most {@code limit} after the position {@code after}
 * (null for the first page), and the cursor of the next page when more follow; with {@code limit} null, at most
 * {@link #MOST_UNPAGED}, as the first page of that many.
 */
public record FindInboxQuery(String operatorId, AssignmentState state, Position after, Integer limit) {

    /**
     * The most assignments one answer holds without a limit: far more than an operator's open work and years of
     * answers, few enough that an inbox of decades cannot exhaust the server's memory.
     */
    public static final int MOST_UNPAGED = 5_000;

    /** The whole first answer, as a first connection of the live push sends it. */
    public FindInboxQuery(String operatorId, AssignmentState state) {
        this(operatorId, state, null, null);
    }

    /**
     * Where a page ends: the last entry's group (0 offered, 1 escalated, 2 answered), its due time (open ones; null
     * for none), its event position (answered ones) and its delegation.
     */
    public record Position(int group, Instant due, long position, String delegationId) {
    }
}
