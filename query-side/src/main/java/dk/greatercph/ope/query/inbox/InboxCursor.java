package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.DateRange;

import java.time.Instant;

/** The opaque {@code ?after=} cursor of an inbox: where the last entry a client saw stands in the inbox's order. */
final class InboxCursor {

    private static final String PREFIX = "inbox:";

    private InboxCursor() {
    }

    static String encode(FindInboxQuery.Position position) {
        return Cursors.encode(PREFIX, position.group() + "|" + (position.due() == null ? "" : position.due()) + "|"
                + position.position() + "|" + position.delegationId());
    }

    static FindInboxQuery.Position decode(String cursor) {
        return Cursors.decode(PREFIX, cursor, raw -> {
            String[] parts = raw.split("\\|", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                throw new IllegalArgumentException(raw);
            }
            long group = Cursors.number(parts[0]);
            Instant due = parts[1].isEmpty() ? null : Instant.parse(parts[1]);
            if (group < 0 || group > 2 || (due != null && !DateRange.contains(due))) {
                throw new IllegalArgumentException(raw);
            }
            return new FindInboxQuery.Position((int) group, due, Cursors.number(parts[2]), parts[3]);
        });
    }
}
