package dk.greatercph.ope.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The dates this system records and searches: from 1900-01-01 to 9999-12-31, inclusive, the range that every
 * place a date goes can hold (PostgreSQL, an iCalendar DATE's four-digit year, a spreadsheet cell of the
 * annual report). A date outside it is a typing error or an attack, never a delegation, a trip or an event.
 */
public final class DateRange {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean contains(LocalDateTime time) {
        return contains(time.toLocalDate());
    }

    /** An instant is in range when its date is in range in UTC and in every offset (±18 h). */
    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.MIN))
                && instant.isBefore(LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.MAX));
    }

    public static boolean contains(OffsetDateTime time) {
        return contains(time.toLocalDate());
    }

    /** Refuses {@code value} as bad input naming {@code field} unless it is in range. */
    public static <T> T require(String field, T value) {
        boolean inRange;
        if (value == null) {
            inRange = true;
        } else if (value instanceof LocalDate date) {
            inRange = contains(date);
        } else if (value instanceof LocalDateTime time) {
            inRange = contains(time);
        } else if (value instanceof OffsetDateTime time) {
            inRange = contains(time);
        } else if (value instanceof Instant instant) {
            inRange = contains(instant);
        } else {
            throw new IllegalArgumentException("not a date: " + value.getClass());
        }
        if (!inRange) {
            throw outOfRange(field);
        }
        return value;
    }

    /** Refuses a window whose end ({@code toField}) lies before its start; either end may be open. */
    public static <T extends Comparable<? super T>> void requireWindow(String toField, T from, T to) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw new InvalidInput("INVALID_PERIOD", toField, "ends before the window starts");
        }
    }

    static InvalidInput outOfRange(String field) {
        return new InvalidInput("DATE_OUT_OF_RANGE", field, "outside " + EARLIEST + " … " + LATEST);
    }
}
