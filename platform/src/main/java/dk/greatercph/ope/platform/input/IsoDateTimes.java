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
        StringBuilder text = new StringBuilder(35);
        dateAndTime(text, local);
        int nano = local.getNano();
        if (nano > 0) {
            // the fewest digits that say it (ISO_LOCAL_TIME's fraction: 0 to 9 digits, trailing zeros dropped)
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            text.append('.');
            pad(text, nano, digits);
        }
        return text.append(value.getOffset().getId()).toString();
    }

    /** As {@code DateTimeFormatter.ISO_INSTANT.format(value)}, that is {@link Instant#toString()}. */
    public static String format(Instant value) {
        if (value.getEpochSecond() < YEAR_0 || value.getEpochSecond() >= YEAR_10000) {
            return DateTimeFormatter.ISO_INSTANT.format(value);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        dateAndTime(text, utc);
        int nano = value.getNano();
        if (nano > 0) {
            // in groups of three digits, as many as needed (ISO_INSTANT's fraction)
            text.append('.');
            if (nano % 1_000_000 == 0) {
                pad(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(text, nano / 1_000, 6);
            } else {
                pad(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static void dateAndTime(StringBuilder text, LocalDateTime value) {
        pad(text, value.getYear(), 4);
        text.append('-');
        pad(text, value.getMonthValue(), 2);
        text.append('-');
        pad(text, value.getDayOfMonth(), 2);
        text.append('T');
        pad(text, value.getHour(), 2);
        text.append(':');
        pad(text, value.getMinute(), 2);
        text.append(':');
        pad(text, value.getSecond(), 2);
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
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
