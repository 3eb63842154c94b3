package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.time.OpeTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates this system records and searches: from 1900-01-01 to 2999-12-31, inclusive. A date outside it is a
 * typing error or an attack, never a delegation, a trip or an event.
 * <p>
 * The range is chosen so that every way an accepted value is shown stays a four-digit year inside the range's
 * own years: a date as written and as the exclusive end of an all-day calendar event (the day after, at most
 * 3000-01-01); a date-time as written, in UTC (how instants are stored and serialised) and in Europe/Copenhagen
 * (how the schedule, the delegation view and the iCalendar feed show it). A date-time is therefore judged by its
 * date in all three, not only by its own offset: {@code 2999-12-31T23:59-12:00} is 3000-01-01 in Copenhagen and
 * refused, as is {@code 1900-01-01T00:00+14:00}, which is 1899-12-31 in Copenhagen.
 */
public final class DateRange {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** The zone the system shows times in (schedule, views, calendar feed). */
    public static final ZoneId SHOWN_IN = OpeTime.COPENHAGEN;

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** A local date-time (a wall-clock time at a place) is shown as written: its date is in range. */
    public static boolean contains(LocalDateTime time) {
        return contains(time.toLocalDate());
    }

    /** An instant is in range when its date is in range both in UTC and in Europe/Copenhagen. */
    public static boolean contains(Instant instant) {
        return contains(instant.atOffset(ZoneOffset.UTC).toLocalDate())
                && contains(instant.atZone(SHOWN_IN).toLocalDate());
    }

    /** A date-time with an offset is in range when its date is, as written and as its instant is shown. */
    public static boolean contains(OffsetDateTime time) {
        return contains(time.toLocalDate()) && contains(time.toInstant());
    }

    public static boolean contains(ZonedDateTime time) {
        return contains(time.toLocalDate()) && contains(time.toInstant());
    }

    /** Refuses {@code value} as bad input naming {@code field} unless it is in range. */
    public static <T> T require(String field, T value) {
        if (value != null && !containsValue(value)) {
            throw outOfRange(field);
        }
        return value;
    }

    static boolean containsValue(Object value) {
        if (value instanceof LocalDate date) {
            return contains(date);
        } else if (value instanceof LocalDateTime time) {
            return contains(time);
        } else if (value instanceof OffsetDateTime time) {
            return contains(time);
        } else if (value instanceof ZonedDateTime time) {
            return contains(time);
        } else if (value instanceof Instant instant) {
            return contains(instant);
        }
        throw new IllegalArgumentException("not a date: " + value.getClass());
    }

    /** Refuses a window whose end ({@code toField}) lies before its start; either end may be open. */
    public static <T extends Comparable<? super T>> void requireWindow(String toField, T from, T to) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw new InvalidInput(InputProblem.INVALID_PERIOD, toField, "ends before the window starts");
        }
    }

    static InvalidInput outOfRange(String field) {
        return new InvalidInput(InputProblem.DATE_OUT_OF_RANGE, field, "outside " + EARLIEST + " … " + LATEST
                + " (date-times also in UTC and in " + SHOWN_IN + ")");
    }
}
