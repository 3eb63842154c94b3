package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.DateRange;

import java.time.Instant;

/**
 * The opaque {@code ?after=} cursor of the schedule: the start and order key of the last entry a client saw. The key
 * of a programme item is its anonymous block id, so a cursor tells an operator nothing its page did not show.
 */
final class ScheduleCursor {

    private static final String PREFIX = "schedule:";

    private ScheduleCursor() {
    }

    /** Where a page ends, in the timeline's order: start, then key. */
    record Position(Instant start, String key) {
    }

    static String encode(Position position) {
        return Cursors.encode(PREFIX, position.start() + "|" + position.key());
    }

    static Position decode(String cursor) {
        return Cursors.decode(PREFIX, cursor, raw -> {
            int bar = raw.indexOf('|');
            if (bar < 0 || bar == raw.length() - 1) {
                throw new IllegalArgumentException(raw);
            }
            Instant start = Instant.parse(raw.substring(0, bar));
            if (!DateRange.contains(start)) {
                throw new IllegalArgumentException(raw);
            }
            return new Position(start, raw.substring(bar + 1));
        });
    }
}
