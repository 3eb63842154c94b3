package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.platform.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque {@code ?after=} cursor of the board: the position of the last row a client saw. */
final class BoardCursor {

    private static final String PREFIX = "board:";

    private BoardCursor() {
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(DelegationQueryProblem.INVALID_CURSOR,
                    "The 'after' cursor is not one this service issued.");
        }
    }
}
