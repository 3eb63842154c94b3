package dk.greatercph.ope.web.i18n;

import dk.greatercph.ope.platform.time.OpeTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Times as people here read them: in Copenhagen, formatted for the page's language. Templates call it as
 * {@code ${@times.dateTime(value)}} with the API's ISO text (an instant, an offset or local date-time, or a date).
 */
@Component("times")
public class Times {

    public String dateTime(Object value) {
        ZonedDateTime at = zoned(value);
        return at == null ? text(value) : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).format(at);
    }

    /** A date and time to the second, as an audit reads it (when what happened first matters). */
    public String moment(Object value) {
        ZonedDateTime at = zoned(value);
        return at == null ? text(value) : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(locale()).format(at);
    }

    public String date(Object value) {
        if (value == null) {
            return "";
        }
        try {
            LocalDate date = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    public String time(Object value) {
        ZonedDateTime at = zoned(value);
        return at == null ? text(value) : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(at);
    }

    /**
     * Whether the day {@code at} falls on in Copenhagen lies outside {@code from} … {@code to} (dates, both
     * included): a programme item far from the days the delegation wished for was accepted and shown without a word.
     * False when any of them cannot be read.
     */
    public boolean outside(Object at, Object from, Object to) {
        ZonedDateTime when = zoned(at);
        if (when == null || from == null || to == null) {
            return false;
        }
        try {
            LocalDate day = when.toLocalDate();
            return day.isBefore(LocalDate.parse(from.toString())) || day.isAfter(LocalDate.parse(to.toString()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The ISO value for a machine-readable {@code <time datetime>} attribute. */
    public String iso(Object value) {
        ZonedDateTime at = zoned(value);
        return at == null ? text(value) : at.toOffsetDateTime().toString();
    }

    static ZonedDateTime zoned(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        try {
            return Instant.parse(text).atZone(OpeTime.COPENHAGEN);
        } catch (DateTimeParseException ignored) {
            // not an instant
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(OpeTime.COPENHAGEN);
        } catch (DateTimeParseException ignored) {
            // not an offset date-time
        }
        try {
            return LocalDateTime.parse(text).atZone(OpeTime.COPENHAGEN);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
