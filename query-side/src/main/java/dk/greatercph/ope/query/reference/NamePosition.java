package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.platform.input.Cursors;

/**
 * Where a page of venues or partners ends, in their order (name without regard to case, then id): the name and id of
 * the last entry a client saw, written in the list's opaque {@code ?after=} cursor.
 */
public record NamePosition(String name, String id) {

    static String encode(String list, String name, String id) {
        return Cursors.encode(list + ":", id + "|" + name);
    }

    /** The position in {@code cursor} of the list {@code list}; null for no cursor. */
    static NamePosition decode(String list, String cursor) {
        return Cursors.decode(list + ":", cursor, raw -> {
            int bar = raw.indexOf('|');
            if (bar < 1) {
                throw new IllegalArgumentException(raw);
            }
            return new NamePosition(raw.substring(bar + 1), raw.substring(0, bar));
        });
    }
}
