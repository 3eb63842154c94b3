package dk.greatercph.ope.query.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Pairs of live programme items that book the same venue or host at overlapping times, within optional days. With
 * {@code viewer} set (an operator asking), only pairs involving one of its own items, the other shown anonymously.
 * <p>
 * Pairs come ordered by their first item's start, then by the anonymous block ids of their first and second items
 * and by resource: at most {@code limit} after the position {@code after} (null for the first page), and the cursor
 * of the next page when there are more.
 */
public record FindScheduleConflictsQuery(LocalDate from, LocalDate to, String viewer, Position after, int limit) {

    /** Where a page of conflicts ends: the last pair's first start, its two block ids and its resource. */
    public record Position(Instant start, String first, String second, String resource) {
    }
}
