package dk.greatercph.ope.query.schedule;

import java.time.LocalDate;

/**
 * Pairs of live programme items that book the same venue or host at overlapping times, within optional days. With
 * {@code viewer} set (an operator asking), only pairs involving one of its own items, the other shown anonymously.
 */
public record FindScheduleConflictsQuery(LocalDate from, LocalDate to, String viewer) {
}
