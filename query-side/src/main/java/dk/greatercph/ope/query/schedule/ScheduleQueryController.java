package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.platform.input.NextPage;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.annotations.ParameterObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import dk.greatercph.ope.query.replay.ViewProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The one-point-entry schedule, its conflicts and its iCalendar feed. */
@RestController
@Tag(name = "Schedule (queries)",
        description = "Programme items, trips and their itineraries on one timeline, its conflicts, and the same as an iCalendar feed.")
class ScheduleQueryController {

    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 50;

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final QueryGateway queryGateway;
    private final Clock clock;
    private final int mostUnpaged;
    private final ProjectionProgress progress;

    ScheduleQueryController(QueryGateway queryGateway, Clock clock,
                            @Value("${ope.schedule.most-unpaged:" + ScheduleProjection.MOST_UNPAGED + "}") int mostUnpaged,
                            ProjectionProgress progress) {
        this.progress = progress;
        this.queryGateway = queryGateway;
        this.clock = clock;
        this.mostUnpaged = mostUnpaged;
    }

    @GetMapping(path = "/api/schedule", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every programme item and every trip on one timeline, tentative, confirmed or cancelled",
            description = """
                    Programme items in Europe/Copenhagen time, trips as all-day entries, and each item of a trip's \
                    itinerary (TRIP_ITEM, with tripId and city) in its own time zone with that zone's offset; from/to \
                    select trip items overlapping those Copenhagen days. Trips and their items are left out when \
                    filtering by venue or host; filtering by operator keeps the trips that operator travels with, and the \
                    trip items that are for it (objectiveOperator). An operator sees its own delegations' items, the \
                    trip items for it and the trips it travels with in full (without a \
                    trip's leader, who is a person), and every other programme item only as an anonymous BOOKED block: times, \
                    venue, host and status, nothing about whose it is. Entries come ordered by start. With limit (or \
                    after), the answer is one page of at most limit entries (50 when only after is given), and when \
                    more follow, the Link header names the next page (rel="next", the same filters with its 'after' \
                    cursor); without either, every entry of the period as long as one answer holds them (\
                    """ + ScheduleProjection.MOST_UNPAGED + """
                     unless configured otherwise), else its first that many and the Link header naming the next \
                    page (of\s""" + MAX_LIMIT + ").")
    @ApiResponse(responseCode = "200", description = "The entries, ordered by start",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string",
                            example = "</api/schedule?from=2027-04-01&to=2027-04-30&limit=50&after=c2NoZWR1bGU6>; rel=\"next\"")))
    ResponseEntity<List<ScheduleEntryView>> schedule(
            @ParameterObject ScheduleFilter filter,
            @Parameter(description = "Page size, at most " + MAX_LIMIT + "; without it (and without after), every entry")
            @RequestParam(required = false) @Min(1) @Max(MAX_LIMIT) Integer limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        rebuilt();
        Integer size = limit;
        if (size == null && after != null) {
            size = DEFAULT_LIMIT;
        }
        SchedulePage page = find(filter, after, size);
        return NextPage.linked(page.items(), page.next(), request, size == null ? MAX_LIMIT : null);
    }

    @GetMapping(path = "/api/schedule/conflicts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Double-booked venues and hosts (R6) among tentative and confirmed programme items",
            description = """
                    Each conflict is one pair of overlapping items; cancelled and removed items never conflict. Pairs \
                    come ordered by their first item's start, in pages of at most limit (500 without it); when more \
                    follow, the Link header names the next page (rel="next", the same period with its 'after' cursor).""")
    @ApiResponse(responseCode = "200", description = "The conflicts, ordered by their first item's start",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string",
                            example = "</api/schedule/conflicts?from=2027-04-01&to=2027-04-30&after=Y29uZmxpY3RzOg>; rel=\"next\"")))
    ResponseEntity<List<ScheduleConflictView>> conflicts(
            @Parameter(description = "First day (Europe/Copenhagen), inclusive",
                    schema = @Schema(type = "string", format = "date", example = "2027-04-01"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day (Europe/Copenhagen), inclusive",
                    schema = @Schema(type = "string", format = "date", example = "2027-04-30"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Page size, at most " + MAX_LIMIT + " (and " + MAX_LIMIT + " without it)")
            @RequestParam(required = false) @Min(1) @Max(MAX_LIMIT) Integer limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        rebuilt();
        checkPeriod(from, to);
        ScheduleConflictPage page = queryGateway.query(new FindScheduleConflictsQuery(from, to, viewer(),
                        ScheduleConflictCursor.decode(after), limit == null ? MAX_LIMIT : limit),
                ResponseTypes.instanceOf(ScheduleConflictPage.class)).join();
        return NextPage.linked(page.conflicts(), page.next(), request, null);
    }

    @GetMapping(path = "/api/schedule.ics", produces = "text/calendar")
    @Operation(summary = "The schedule as an iCalendar feed (RFC 5545) to subscribe to",
            description = """
                    Same filters as /api/schedule. One VEVENT per entry: UID <id>@one-point-entry never changes, \
                    SEQUENCE rises with every change, STATUS is TENTATIVE, CONFIRMED or CANCELLED (removed items and \
                    items of a cancelled delegation stay in the feed as cancelled). Times carry \
                    TZID=Europe/Copenhagen, a trip item's its own zone (e.g. TZID=Asia/Shanghai), each defined by \
                    one VTIMEZONE of the feed; trips are all-day events. A feed holds as many entries as one answer \
                    of /api/schedule (""" + ScheduleProjection.MOST_UNPAGED + """
                     unless configured otherwise): without from, the whole history while it fits, else the entries \
                    from a year before today on; a feed that would hold more is refused (TOO_MANY_ENTRIES, naming \
                    from), since a feed cannot be paged.""")
    @ApiResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@ParameterObject ScheduleFilter filter) {
        rebuilt();
        SchedulePage page = whole(filter);
        LocalDate yearAgo = LocalDate.now(clock.withZone(DateRange.SHOWN_IN)).minusYears(1);
        if (page.next() != null && filter.from() == null && (filter.to() == null || !filter.to().isBefore(yearAgo))) {
            page = whole(filter.since(yearAgo));
        }
        if (page.next() != null) {
            // a feed cannot be paged: rather refused than cut short without its subscriber knowing
            throw new InvalidInput(InputProblem.TOO_MANY_ENTRIES, "from", "the feed would hold more than "
                    + mostUnpaged + " entries: narrow it by from and to, or by operator, venue or host");
        }
        String feed = ScheduleCalendar.render(page.items(), clock.instant());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(feed);
    }

    /**
     * Every entry of {@code filter}, or {@link SchedulePage#TOO_MANY}: a feed refused for its size reads each period
     * once, not its first page as well (docs/performance.md, "The feed refused at half the cost").
     */
    private SchedulePage whole(ScheduleFilter filter) {
        checkPeriod(filter.from(), filter.to());
        return queryGateway.query(filter.query(viewer(), null, null).asWholeOrNothing(),
                ResponseTypes.instanceOf(SchedulePage.class)).join();
    }

    /** The page of at most {@code limit} entries after the cursor {@code after}; every entry when limit is null. */
    private SchedulePage find(ScheduleFilter filter, String after, Integer limit) {
        checkPeriod(filter.from(), filter.to());
        return queryGateway.query(filter.query(viewer(), ScheduleCursor.decode(after), limit),
                ResponseTypes.instanceOf(SchedulePage.class)).join();
    }

    /** The operator asking, whose view of others' delegations is anonymous; null for the desk and auditors. */
    private static String viewer() {
        return CurrentUser.current().filter(CurrentUser::isOperator).map(CurrentUser::operatorId).orElse(null);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        DateRange.requireWindow("to", from, to);
    }

    /**
     * While the schedule is being rebuilt its answers are incomplete: the feed answered 200 with 9 of 2,224 events
     * (a subscriber's calendar would drop the rest), and the schedule a growing part of them. 409, retry.
     */
    private void rebuilt() {
        progress.requireNotRebuilding(ScheduleProjection.NAME, ViewProblem.PROJECTION_BEHIND);
    }
}
