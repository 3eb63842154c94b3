package dk.greatercph.ope.query.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Schedule entries overlapping the days {@code from}..{@code to} (Europe/Copenhagen, both inclusive), optionally of
 * one operator's delegations and trips, one venue or one host. Every filter may be null. With {@code viewer} set
 * (an operator asking), that operator's own delegations and trips are shown in full and every other programme
 * item only as an anonymous booked block of its venue and host; trips it does not travel with are left out, and
 * a trip's leader is not shown.
 * <p>
 * Entries come in the timeline's order: by start, then by an order key. With {@code limit} set, at most that many
 * after the position {@code afterStart}/{@code afterKey} (both null for the first page), and the cursor of the next
 * page when there are more; with {@code limit} null, every entry, as long as there are at most as many as one
 * answer holds unpaged ({@code ope.schedule.most-unpaged}); otherwise the first page of that many.
 * <p>
 * With {@code wholeOrNothing} (a feed, which cannot be paged), every entry or, when they do not fit one answer, none:
 * an empty page whose {@code next} is empty ({@link SchedulePage#TOO_MANY}), without reading the first page.
 */
public record FindScheduleQuery(LocalDate from, LocalDate to, String operator, String venue, String host,
                                String viewer, Instant afterStart, String afterKey, Integer limit,
                                boolean wholeOrNothing) {

    public FindScheduleQuery(LocalDate from, LocalDate to, String operator, String venue, String host, String viewer,
                             Instant afterStart, String afterKey, Integer limit) {
        this(from, to, operator, venue, host, viewer, afterStart, afterKey, limit, false);
    }

    /** The same query, as the page of at most {@code limit} entries. */
    public FindScheduleQuery limited(int limit) {
        return new FindScheduleQuery(from, to, operator, venue, host, viewer, afterStart, afterKey, limit, false);
    }

    /** The same query from its start, for every entry or none. */
    public FindScheduleQuery asWholeOrNothing() {
        return new FindScheduleQuery(from, to, operator, venue, host, viewer, null, null, null, true);
    }
}
