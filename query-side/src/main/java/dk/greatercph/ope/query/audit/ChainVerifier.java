package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.eventstore.EventChain;
import dk.greatercph.ope.platform.eventstore.StoredEvent;
import dk.greatercph.ope.query.audit.ChainVerification.Problem;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Map;

/**
 * Recomputes the hash chain from the events as stored and compares it with the links written at append time,
 * in order of the global position; stops at the first event whose link does not match, that has no link, or
 * whose link has lost its event.
 */
@Component
class ChainVerifier {

    private final EventCursor cursor;

    ChainVerifier(EventCursor cursor) {
        this.cursor = cursor;
    }

    /** Verifies the whole log. */
    ChainVerification verify() {
        return verifyUpTo(Long.MAX_VALUE);
    }

    /** Verifies the log up to and including {@code position}. */
    ChainVerification verifyUpTo(long position) {
        Walk walk = new Walk();
        cursor.stream("""
                        SELECT e.globalIndex, e.eventIdentifier, e.aggregateIdentifier, e.sequenceNumber, e.type,
                               e.payloadType, e.payloadRevision, e.payload, e.metaData, e.timeStamp,
                               c.global_index AS linkPosition, c.event_identifier AS linkEvent, c.link
                        FROM DomainEventEntry e
                        FULL OUTER JOIN event_chain c ON c.global_index = e.globalIndex
                        WHERE COALESCE(e.globalIndex, c.global_index) <= :upTo
                        ORDER BY COALESCE(e.globalIndex, c.global_index)
                        """,
                Map.of("upTo", position),
                rs -> {
                    if (walk.mismatch != null) {
                        return;
                    }
                    String eventId = rs.getString("eventIdentifier");
                    if (eventId == null) {
                        walk.fail(rs.getLong("linkPosition"), rs.getString("linkEvent"), Problem.EVENT_MISSING);
                        return;
                    }
                    StoredEvent event = StoredEvent.read(rs);
                    byte[] stored = rs.getBytes("link");
                    if (stored == null) {
                        walk.fail(event.globalIndex(), eventId, Problem.EVENT_NOT_LINKED);
                        return;
                    }
                    byte[] recomputed = EventChain.link(walk.head, event);
                    if (!Arrays.equals(recomputed, stored) || !eventId.equals(rs.getString("linkEvent"))) {
                        walk.fail(event.globalIndex(), eventId, Problem.EVENT_ALTERED);
                        return;
                    }
                    walk.head = recomputed;
                    walk.position = event.globalIndex();
                    walk.checked++;
                });
        return new ChainVerification(walk.mismatch == null, walk.checked, walk.position, EventChain.hex(walk.head),
                walk.mismatch);
    }

    private static final class Walk {
        byte[] head = EventChain.GENESIS;
        long position = -1;
        long checked;
        ChainVerification.Mismatch mismatch;

        void fail(long at, String eventId, Problem kind) {
            mismatch = new ChainVerification.Mismatch(at, eventId, kind);
        }
    }
}
