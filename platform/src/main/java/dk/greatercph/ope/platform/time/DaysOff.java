package dk.greatercph.ope.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * The days a Danish public office is closed, which R5's working days and the deadline reminder skip: Saturdays and Sundays, the public
 * holidays (New Year's Day; Maundy Thursday, Good Friday, Easter Monday, Ascension Day and Whit Monday, counted from
 * Easter; General Prayer Day until its abolition in 2024; Christmas Day and Boxing Day) and the three days the public
 * sector has off by agreement (Constitution Day, Christmas Eve, New Year's Eve). Before, only the weekend was
 * skipped: an offer made on 22 December 2026 fell due on Christmas Day, when nobody was at work.
 */
public final class DaysOff {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(6, 5), MonthDay.of(12, 24),
            MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(12, 31));

    private DaysOff() {
    }

    public static boolean isDayOff(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        long fromEaster = day.toEpochDay() - easter.toEpochDay();
        return fromEaster == -3 || fromEaster == -2 || fromEaster == 1 || fromEaster == 39 || fromEaster == 50
                || (fromEaster == 26 && day.getYear() < 2024);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, after Meeus). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
