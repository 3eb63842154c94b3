package dk.greatercph.ope.web.trip;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;

/**
 * A trip item's time as it reads where it happens (its own offset), formatted for the page's language; the
 * Copenhagen time beside it comes from {@code @times}. Templates call {@code ${@localTimes.at(value)}}.
 */
@Component("localTimes")
public class LocalTimes {

    public String at(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(LocaleContextHolder.getLocale()).format(OffsetDateTime.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }
}
