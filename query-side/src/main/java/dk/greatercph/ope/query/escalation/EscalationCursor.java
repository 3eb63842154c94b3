package dk.greatercph.ope.query.escalation;

import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.platform.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque {@code ?after=} cursor of the escalation list: the due time and key of the last row a client saw. */
final class EscalationCursor {

    private static final String PREFIX = "escalation:";

    private EscalationCursor() {
    }

    /** Where a page ends, in the list's order: due time, then delegation, then operator. */
    record Position(Instant dueAt, String delegationId, String operatorId) {
    }

    static String encode(Position position) {
        String raw = PREFIX + position.dueAt() + "|" + position.delegationId() + "|" + position.operatorId();
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
            String[] parts = raw.substring(PREFIX.length()).split("\\|", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new IllegalArgumentException(raw);
            }
            Instant due = Instant.parse(parts[0]);
            if (!DateRange.contains(due)) {
                throw new IllegalArgumentException(raw);
            }
            return new Position(due, parts[1], parts[2]);
        } catch (RuntimeException e) {
            throw new DomainProblem(EscalationProblem.INVALID_CURSOR,
                    "The 'after' cursor is not one this service issued.");
        }
    }
}
