package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.DateRange;

import java.time.Instant;

/**
 * The opaque {@code ?after=} cursor of the schedule's conflicts: the first item's start, the anonymous block ids of
 * both items and the resource of the last pair a client saw. A cursor tells an operator nothing its page did not show.
 */
final class ScheduleConflictCursor {

    private static final String PREFIX = "conflicts:";

    private ScheduleConflictCursor() {
    }

    static String encode(FindScheduleConflictsQuery.Position position) {
        return Cursors.encode(PREFIX, String.join("|", position.start().toString(), position.first(),
                position.second(), position.resource()));
    }

    static FindScheduleConflictsQuery.Position decode(String cursor) {
        return Cursors.decode(PREFIX, cursor, raw -> {
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 4 || parts[1].isEmpty() || parts[2].isEmpty()
                    || !(parts[3].equals("VENUE") || parts[3].equals("HOST"))) {
                throw new IllegalArgumentException(raw);
            }
            Instant start = Instant.parse(parts[0]);
            if (!DateRange.contains(start)) {
                throw new IllegalArgumentException(raw);
            }
            return new FindScheduleConflictsQuery.Position(start, parts[1], parts[2], parts[3]);
        });
    }
}
