package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.input.IsoDateTimes;
import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes and reads the time stamps the event store keeps ({@link DateTimeUtils#formatInstant}:
 * {@code 2026-12-01T09:16:44.719Z}) without a {@link java.time.format.DateTimeFormatter}.
 * <p>
 * Every event appended has its time stamp written, and Axon's formatter was a tenth of the appending thread's samples
 * in a profile of the benchmark's history; {@link #format} writes the same text by hand for years 0–9999 and leaves
 * any other year to Axon.
 * <p>
 * Every event a projection reads has its time stamp parsed, and Axon's parse went through the JDK's formatter: in a
 * profile of the board's replay, parsing time stamps was 14 % of the replay's CPU. This reads the fixed layout by
 * hand; anything else (another layout, an impossible date) is left to {@link DateTimeUtils#parseInstant}, which
 * gives the same instant or the same error as before.
 */
final class StoredTimestamps {

    private static final int[] SCALE = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private StoredTimestamps() {
    }

    /** As {@link DateTimeUtils#formatInstant}: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the milliseconds truncated. */
    static String format(Instant instant) {
        return IsoDateTimes.inFourDigitYears(instant) ? IsoDateTimes.formatMillis(instant)
                : DateTimeUtils.formatInstant(instant);
    }

    static Instant parse(String text) {
        Instant instant = parseLayout(text);
        return instant != null ? instant : DateTimeUtils.parseInstant(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with one to nine fraction digits, or null for anything else. */
    static Instant parseLayout(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        LocalDate date = dateAtStart(text);
        if (date == null) {
            return null;
        }
        long epochDay = date.toEpochDay();
        int nanos = length > 20 ? fraction * SCALE[length - 21] : 0;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd}, as Jackson writes a {@link LocalDate}, or null for anything else. */
    static LocalDate parseDateLayout(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' ? dateAtStart(text) : null;
    }

    /** The date in the first ten characters ({@code yyyy-MM-dd}, separators already checked), or null. */
    private static LocalDate dateAtStart(String text) {
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char character = text.charAt(i);
            if (character < '0' || character > '9') {
                return -1;
            }
            value = value * 10 + (character - '0');
        }
        return value;
    }
}
