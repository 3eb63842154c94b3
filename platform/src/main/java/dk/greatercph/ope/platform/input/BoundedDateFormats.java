package dk.greatercph.ope.platform.input;

import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * {@code @DateTimeFormat} parameters as Spring parses them, held to the {@link DateRange}: a date filter
 * outside it is refused by name instead of reaching the database.
 */
final class BoundedDateFormats implements AnnotationFormatterFactory<DateTimeFormat> {

    private final Jsr310DateTimeFormatAnnotationFormatterFactory standard =
            new Jsr310DateTimeFormatAnnotationFormatterFactory();

    @Override
    public Set<Class<?>> getFieldTypes() {
        return standard.getFieldTypes();
    }

    @Override
    public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
        return standard.getPrinter(annotation, fieldType);
    }

    @Override
    public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
        Parser<?> parser = standard.getParser(annotation, fieldType);
        return (text, locale) -> {
            Object value = parser.parse(text, locale);
            if (!inRange(value)) {
                throw DateRange.outOfRange("date");
            }
            return value;
        };
    }

    private static boolean inRange(Object value) {
        if (value instanceof LocalDate date) {
            return DateRange.contains(date);
        }
        if (value instanceof LocalDateTime time) {
            return DateRange.contains(time);
        }
        if (value instanceof OffsetDateTime time) {
            return DateRange.contains(time);
        }
        if (value instanceof ZonedDateTime time) {
            return DateRange.contains(time.toLocalDate());
        }
        if (value instanceof Instant instant) {
            return DateRange.contains(instant);
        }
        return true;
    }
}
