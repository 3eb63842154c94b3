package dk.greatercph.ope.web.audit;

import dk.greatercph.ope.platform.time.OpeTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Moments as people pick them on a page (a {@code datetime-local} value, a Copenhagen wall-clock time) and as the
 * API takes them (ISO-8601 with offset).
 */
final class Moments {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Moments() {
    }

    /**
     * The API's form of a moment typed on a page: a Copenhagen local date-time becomes ISO with its offset; anything
     * else goes to the API as typed, so that the API's own validation names the field.
     */
    static String forApi(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        try {
            return LocalDateTime.parse(value).atZone(OpeTime.COPENHAGEN).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** The value a {@code datetime-local} input shows for an instant: Copenhagen wall-clock time to the second. */
    static String local(Instant at) {
        return at == null ? "" : LOCAL.format(ZonedDateTime.ofInstant(at, OpeTime.COPENHAGEN));
    }

    /** An instant as whole seconds, rounded up, so that a slider set to an event's second includes that event. */
    static long secondsUp(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.SECONDS);
        return down.equals(at) ? down.getEpochSecond() : down.getEpochSecond() + 1;
    }
}
