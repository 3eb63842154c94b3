package dk.greatercph.ope.query.schedule;

import java.time.LocalDate;

/** Pairs of live programme items that book the same venue or host at overlapping times, within optional days. */
public record FindScheduleConflictsQuery(LocalDate from, LocalDate to) {
}
