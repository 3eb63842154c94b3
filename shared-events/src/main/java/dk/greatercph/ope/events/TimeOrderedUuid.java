package dk.greatercph.ope.events;

import java.util.UUID;

/**
 * UUIDs that begin with the time they were made: version 7 (RFC 9562), 48 bits of Unix milliseconds followed by 74
 * random bits, where {@link UUID#randomUUID()} gives 122.
 * <p>
 * Why: an identifier is a key in b-tree indexes that grow with the years (the event table's, every projection's). A
 * random one puts each new entry on a random page of such an index, which on a long history is seldom in PostgreSQL's
 * buffers; a time-ordered one puts it beside the entries made just before, and the rows a desk works on, its recent
 * ones, stay together. The text is a UUID as before (36 characters, lower-case hex). The random bits come from the same
 * strong generator as {@link UUID#randomUUID()}, so an identifier stays unguessable; it says when it was made.
 */
public final class TimeOrderedUuid {

    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;

    private TimeOrderedUuid() {
    }

    /** A new identifier, made now. */
    public static UUID next() {
        return of(System.currentTimeMillis(), UUID.randomUUID());
    }

    /** The version-7 UUID of {@code millis} with the random bits of {@code random} (a version-4 UUID). */
    public static UUID of(long millis, UUID random) {
        long mostSignificant = millis << 16 | VERSION_7 | random.getMostSignificantBits() & RANDOM_A;
        return new UUID(mostSignificant, random.getLeastSignificantBits());
    }
}
