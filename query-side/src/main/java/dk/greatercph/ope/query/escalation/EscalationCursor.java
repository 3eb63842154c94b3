package dk.greatercph.ope.query.escalation;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.DateRange;

import java.time.Instant;

/** The opaque {@code ?after=} cursor of the escalation list: the due time and key of the last row a client saw. */
final class EscalationCursor {

    private static final String PREFIX = "escalation:";

    private EscalationCursor() {
    }

    /** Where a page ends, in the list's order: due time, then delegation, then operator. */
    record Position(Instant dueAt, String delegationId, String operatorId) {
    }

    static String encode(Position position) {
        return Cursors.encode(PREFIX, position.dueAt() + "|" + position.delegationId() + "|" + position.operatorId());
    }

    static Position decode(String cursor) {
        return Cursors.decode(PREFIX, cursor, raw -> {
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new IllegalArgumentException(raw);
            }
            Instant due = Instant.parse(parts[0]);
            if (!DateRange.contains(due)) {
                throw new IllegalArgumentException(raw);
            }
            return new Position(due, parts[1], parts[2]);
        });
    }
}
