package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.platform.time.DaysOff;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** R5's working days skip the days a Danish public office is closed. */
class WorkingDaysTest {

    @Test
    void easterFallsWhereTheCalendarsSay() {
        assertThat(DaysOff.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DaysOff.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(DaysOff.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DaysOff.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void theHolidaysOf2027AreDaysOffAndTheDaysAroundThemAreNot() {
        for (String day : new String[]{"2027-01-01", "2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06",
                "2027-05-17", "2027-12-24", "2027-12-31", "2026-06-05", "2026-12-25"}) {
            assertThat(DaysOff.isDayOff(LocalDate.parse(day))).as(day).isTrue();
        }
        for (String day : new String[]{"2027-03-24", "2027-03-30", "2027-04-23", "2027-05-07", "2027-06-07",
                "2027-12-23", "2027-12-27", "2027-12-28"}) {
            assertThat(DaysOff.isDayOff(LocalDate.parse(day))).as(day).isFalse();
        }
        assertThat(DaysOff.isDayOff(LocalDate.parse("2023-05-05"))).as("General Prayer Day, 2023").isTrue();
        assertThat(DaysOff.isDayOff(LocalDate.parse("2024-04-26"))).as("abolished from 2024").isFalse();
    }

    @Test
    void anOfferMadeBeforeChristmasFallsDueAfterTheHolidays() {
        Instant offered = ZonedDateTime.parse("2026-12-22T10:00:00+01:00[Europe/Copenhagen]").toInstant();

        Instant due = new AssignmentPolicy(3, null).dueAt(offered);

        // the 23rd, then the 28th and 29th: the 24th to the 27th are days off (it was the 25th, Christmas Day)
        assertThat(due).isEqualTo(ZonedDateTime.parse("2026-12-29T10:00:00+01:00[Europe/Copenhagen]").toInstant());
    }
}
