package dk.greatercph.ope.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Writes time stamps in answers as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} and
 * {@link DateTimeFormatter#ISO_INSTANT} do, character for character, without their cost: the JDK's formatter turns
 * every fraction of a second into a {@code BigDecimal} and builds its text field by field, which was a third of what
 * a schedule request allocated (docs/performance-queries.md). Years outside 0–9999, which the formatters write with a
 * sign, are left to them. Projections that send instants to PostgreSQL as text write them with it too.
 */
public final class IsoDateTimes {

    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private IsoDateTimes() {
    }

    /** As {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value)}. */
    static String format(OffsetDateTime value) {
        LocalDateTime local = value.toLocalDateTime();
        if (local.getYear() < 0 || local.getYear() > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
        String offset = value.getOffset().getId();
        char[] text = new char[29 + offset.length()];
        int length = dateAndTime(text, local);
        int nano = local.getNano();
        if (nano > 0) {
            // the fewest digits that say it (ISO_LOCAL_TIME's fraction: 0 to 9 digits, trailing zeros dropped)
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            text[length++] = '.';
            length = digits(text, length, nano, digits);
        }
        offset.getChars(0, offset.length(), text, length);
        return new String(text, 0, length + offset.length());
    }

    /** As {@code DateTimeFormatter.ISO_INSTANT.format(value)}, that is {@link Instant#toString()}. */
    public static String format(Instant value) {
        if (!inFourDigitYears(value)) {
            return DateTimeFormatter.ISO_INSTANT.format(value);
        }
        char[] text = new char[30];
        int length = dateAndTime(text, LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC));
        int nano = value.getNano();
        if (nano > 0) {
            // in groups of three digits, as many as needed (ISO_INSTANT's fraction)
            text[length++] = '.';
            if (nano % 1_000_000 == 0) {
                length = digits(text, length, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                length = digits(text, length, nano / 1_000, 6);
            } else {
                length = digits(text, length, nano, 9);
            }
        }
        text[length++] = 'Z';
        return new String(text, 0, length);
    }

    /** Whether {@code value} falls in the years 0–9999, which {@link #formatMillis} writes. */
    public static boolean inFourDigitYears(Instant value) {
        return value.getEpochSecond() >= YEAR_0 && value.getEpochSecond() < YEAR_10000;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always three fraction digits, truncated: how Axon's
     * {@code DateTimeUtils.formatInstant} writes the event store's time stamps. Only for years 0–9999
     * ({@link #inFourDigitYears}).
     */
    public static String formatMillis(Instant value) {
        if (!inFourDigitYears(value)) {
            throw new IllegalArgumentException("not in the years 0-9999: " + value);
        }
        char[] text = new char[24];
        int length = dateAndTime(text, LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC));
        text[length] = '.';
        length = digits(text, length + 1, value.getNano() / 1_000_000, 3);
        text[length] = 'Z';
        return new String(text);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss} of {@code value} (year 0–9999) at the start of {@code text}; the length written. The
     * text is built in an array and made a string once: appending character by character to a builder cost three
     * times as much in the server's compiler (C1).
     */
    private static int dateAndTime(char[] text, LocalDateTime value) {
        digits(text, 0, value.getYear(), 4);
        text[4] = '-';
        digits(text, 5, value.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, value.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, value.getHour(), 2);
        text[13] = ':';
        digits(text, 14, value.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, value.getSecond(), 2);
        return 19;
    }

    /** {@code value} (0 to 10^width - 1) in {@code width} digits, zeros in front, from {@code at}; where it ends. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /**
     * Jackson's serializer for {@code type} writing {@code format}'s text; Jackson's own ({@code jackson}) whenever a
     * setting would change that text (time stamps as numbers, truncation, an explicit time zone, UTC as an offset),
     * none of which this application sets.
     */
    static <T> ValueSerializer<T> serializer(Class<T> type, Function<T, String> format, ValueSerializer<T> jackson) {
        return new ValueSerializer<>() {
            @Override
            public Class<?> handledType() {
                return type;
            }

            @Override
            public void serialize(T value, JsonGenerator generator, SerializationContext context)
                    throws JacksonException {
                if (context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                        || context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)
                        || context.isEnabled(DateTimeFeature.WRITE_UTC_AS_OFFSET)
                        || context.getConfig().hasExplicitTimeZone()) {
                    jackson.serialize(value, generator, context);
                } else {
                    generator.writeString(format.apply(value));
                }
            }
        };
    }
}
