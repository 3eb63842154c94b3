package dk.greatercph.ope.query.schedule;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * A calendar as iCalendar text, its lines folded at 75 octets as RFC 5545 (3.1) says, not at 75 characters as
 * ical4j's writer does: a title in Chinese made a line of 203 octets. A fold never splits a character: the next
 * line begins with a space and the rest of the line.
 */
public final class IcsText {

    static final int OCTETS = 75;
    private static final Pattern LONE_BREAK = Pattern.compile("\r(?!\n)|(?<!\r)\n");

    private IcsText() {
    }

    public static String of(Calendar calendar, boolean validating) {
        StringWriter written = new StringWriter();
        try {
            new CalendarOutputter(validating).output(calendar, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // ical4j folds at 75 characters whatever it is asked: its folds are undone, then made again by octets
        return fold(lineBreaksInValues(written.toString()).replace("\r\n ", ""));
    }

    /**
     * A carriage return or line feed alone, which ical4j leaves in a text value as it is (it escapes a CR-LF and a
     * LF), escaped as the line break it is ({@code \n}): a description written with bare CRs ended its property,
     * and what followed was read as properties of the calendar's own, a whole forged event with its own UID and time
     * included. Only CR-LF ends a line of iCalendar (RFC 5545, 3.1).
     */
    static String lineBreaksInValues(String text) {
        return LONE_BREAK.matcher(text).replaceAll("\\\\n");
    }

    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        for (String line : text.split("\r\n", -1)) {
            if (!out.isEmpty()) {
                out.append("\r\n");
            }
            int octets = 0;
            int limit = OCTETS;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = utf8Length(c);
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = OCTETS;
                }
                out.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
