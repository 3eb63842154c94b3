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

    /**
     * From start to end where it happens: the end's date only when it is another day ("11. maj 2027 10.00 – 12.00";
     * the date stood twice).
     */
    public String span(Object starts, Object ends) {
        try {
            OffsetDateTime from = OffsetDateTime.parse(String.valueOf(starts));
            OffsetDateTime to = OffsetDateTime.parse(String.valueOf(ends));
            String end = from.toLocalDate().equals(to.toLocalDate())
                    ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
                    .format(to) : at(ends);
            return at(starts) + " – " + end;
        } catch (DateTimeParseException e) {
            return at(starts) + " – " + at(ends);
        }
    }

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
