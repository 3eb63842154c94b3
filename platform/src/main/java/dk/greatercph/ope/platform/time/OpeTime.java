package dk.greatercph.ope.platform.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system shows times in Europe/Copenhagen (views, schedule, calendar feed, due dates) and stores instants in
 * UTC ({@code TIMESTAMPTZ} columns bound as UTC offsets).
 */
public final class OpeTime {

    /** The zone the system shows times in and counts working days and calendar years in. */
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private OpeTime() {
    }

    /** {@code at} as a UTC date-time, as a JDBC parameter for a {@code TIMESTAMPTZ}; {@code null} stays null. */
    public static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** {@code at} as shown in Copenhagen, with the offset in force then; {@code null} stays null. */
    public static OffsetDateTime inCopenhagen(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(COPENHAGEN).toOffsetDateTime();
    }
}
