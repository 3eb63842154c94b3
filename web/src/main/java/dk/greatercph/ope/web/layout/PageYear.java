package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.web.api.PageRefused;

import java.time.Clock;
import java.time.Year;

/** The year a page shows: the one its address asks for, or this year in Copenhagen. */
public final class PageYear {

    /** The first year a page reads (the API's reports and KPIs start there). */
    public static final int FIRST = 1900;

    private PageYear() {
    }

    /** Four ASCII digits from {@value #FIRST} on, or this year when none is asked; otherwise 400 naming the year. */
    public static int asked(String year, Clock clock) {
        if (year == null || year.isBlank()) {
            return Year.now(clock.withZone(OpeTime.COPENHAGEN)).getValue();
        }
        String digits = year.strip();
        if (!digits.matches("[0-9]{4}") || Integer.parseInt(digits) < FIRST) {
            throw new PageRefused(400, "year");
        }
        return Integer.parseInt(digits);
    }
}
