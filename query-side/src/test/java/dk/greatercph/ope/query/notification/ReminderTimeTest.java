package dk.greatercph.ope.query.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline reminder goes one working day before the deadline, skipping the days the desk is closed. */
class ReminderTimeTest {

    private static Instant at(String copenhagen) {
        return ZonedDateTime.parse(copenhagen + "[Europe/Copenhagen]").toInstant();
    }

    @Test
    void aDeadlineAfterChristmasIsRemindedOfBeforeIt() {
        Instant reminder = Notifier.reminderAt(at("2026-12-29T10:00+01:00"), at("2026-12-22T10:00+01:00"));

        // the 28th (Monday) is the working day before; the 24th to the 27th are days off
        assertThat(reminder).isEqualTo(at("2026-12-28T10:00+01:00"));
    }

    @Test
    void aDeadlineAfterEasterSkipsItsHolidays() {
        // Easter 2027: Thursday 25 March to Monday 29 March are days off
        Instant reminder = Notifier.reminderAt(at("2027-03-30T10:00+02:00"), at("2027-03-23T10:00+01:00"));

        assertThat(reminder).isEqualTo(at("2027-03-24T10:00+01:00"));
    }
}
