package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.platform.input.Cursors;

/** The opaque {@code ?after=} cursor of the board: the position of the last row a client saw. */
final class BoardCursor {

    private static final String PREFIX = "board:";

    private BoardCursor() {
    }

    static String encode(long position) {
        return Cursors.encode(PREFIX, Long.toString(position));
    }

    static Long decode(String cursor) {
        return Cursors.decode(PREFIX, cursor, Cursors::number);
    }
}
