package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.platform.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

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
        String raw = PREFIX + position.start() + "|" + position.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            String position = raw.substring(PREFIX.length());
            int bar = position.indexOf('|');
            if (bar < 0 || bar == position.length() - 1) {
                throw new IllegalArgumentException(raw);
            }
            Instant start = Instant.parse(position.substring(0, bar));
            if (!DateRange.contains(start)) {
                throw new IllegalArgumentException(raw);
            }
            return new Position(start, position.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new DomainProblem(ScheduleProblem.INVALID_CURSOR,
                    "The 'after' cursor is not one this service issued.");
        }
    }
}
