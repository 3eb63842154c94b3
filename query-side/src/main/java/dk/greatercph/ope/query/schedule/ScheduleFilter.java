package dk.greatercph.ope.query.schedule;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The schedule's filters, bound once from the query string for the JSON timeline and the iCalendar feed alike.
 * All optional; a date out of range or unreadable is refused naming the parameter, as any other.
 */
record ScheduleFilter(
        @Parameter(description = "First day (Europe/Copenhagen), inclusive",
                schema = @Schema(type = "string", format = "date", example = "2027-04-01"))
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Last day (Europe/Copenhagen), inclusive",
                schema = @Schema(type = "string", format = "date", example = "2027-04-30"))
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only the delegations this operator leads or supports, its trips and the trip "
                + "items for it (for an operator asking: among its own)", example = "chc")
        String operator,
        @Parameter(description = "Only items at this venue", example = "VEN-1c0d7a52-77c1-4b8a-9d3e-2f4a5b6c7d8e")
        String venue,
        @Parameter(description = "Only items hosted by this partner", example = "PRT-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
        String host) {

    /** An empty filter ({@code ?operator=}, {@code ?venue=}, {@code ?host=}) is no filter, as an empty date is. */
    ScheduleFilter {
        operator = orNull(operator) == null ? null : operator.strip().toLowerCase(java.util.Locale.ROOT);
        venue = orNull(venue);
        host = orNull(host);
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The same filter from the day {@code from} on. */
    ScheduleFilter since(LocalDate from) {
        return new ScheduleFilter(from, to, operator, venue, host);
    }

    /**
     * The query for this filter, as {@code viewer} (an operator asking, or null) may see it: the page of at most
     * {@code limit} entries after {@code after} (the first page when null), or every entry when {@code limit} is null.
     */
    FindScheduleQuery query(String viewer, ScheduleCursor.Position after, Integer limit) {
        return new FindScheduleQuery(from, to, operator, venue, host, viewer,
                after == null ? null : after.start(), after == null ? null : after.key(), limit);
    }
}
