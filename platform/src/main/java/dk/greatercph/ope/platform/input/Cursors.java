package dk.greatercph.ope.platform.input;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * The opaque {@code ?after=} cursors of the lists: a list's own prefix and the position of the last entry a client
 * saw, in URL-safe Base64. A cursor of another list, or one that does not read as a position, is refused as
 * {@link InputProblem#INVALID_CURSOR} naming the parameter {@code after}. A cursor is a position, not a permission,
 * and it is not signed: one written by hand that reads as a position gives the page after it, within what the caller
 * may see, as a cursor issued here would.
 */
public final class Cursors {

    private Cursors() {
    }

    /** The cursor of {@code position} in the list named by {@code prefix}. */
    public static String encode(String prefix, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + position).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A whole number a cursor holds, in the digits 0-9 the lists write: Java's number parsing reads any script's
     * digits, so "board:\u0665" was position 5.
     */
    public static long number(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(text);
        }
        return Long.parseLong(text);
    }

    /**
     * The position in {@code cursor}, read by {@code read} (which throws any runtime exception for a position it
     * cannot read); null for no cursor.
     */
    public static <T> T decode(String prefix, String cursor, Function<String, T> read) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            // a position is text the list wrote: a control character (a NUL reached PostgreSQL and failed the
            // request with a 500) or bytes that are not UTF-8 (read as U+FFFD) are no position of any list
            if (!raw.startsWith(prefix) || raw.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
                throw new IllegalArgumentException(raw);
            }
            return read.apply(raw.substring(prefix.length()));
        } catch (RuntimeException e) {
            throw new InvalidInput(InputProblem.INVALID_CURSOR, "after", "does not read as a position in this list");
        }
    }
}
