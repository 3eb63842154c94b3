package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.query.operator.OperatorQueryProblem;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An operator's inbox and its live push. An operator reads only its own; the desk and auditors read any. */
@RestController
@RequestMapping("/api/operators/{id}/inbox")
@Tag(name = "Operators (queries)")
class InboxQueryController {

    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 50;

    /** The processing group whose view the inbox is ({@code inbox_assignment}, written with the board). */
    private static final String BOARD = FindDelegationQuery.PROJECTION;

    private final QueryGateway queryGateway;
    private final InboxStreams streams;
    private final ProjectionProgress progress;

    InboxQueryController(QueryGateway queryGateway, InboxStreams streams, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.streams = streams;
        this.progress = progress;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An operator's assignments by state, with due time and overdue flag",
            description = """
                    An operator reads only its own inbox; any other answers 404. Open assignments come first \
                    (offered, then escalated) by due time, then the answered ones, the latest change first; \
                    countsByState counts the whole inbox. With limit (or after), the entries are one page of at most \
                    limit (50 when only after is given); without either, every entry as long as one answer holds \
                    them (""" + FindInboxQuery.MOST_UNPAGED + """
                    ), else the first that many. While more follow, next is the cursor of the next page.""")
    @ApiResponse(responseCode = "200", description = "The inbox, open assignments first")
    @ApiResponse(responseCode = "404", description = "No such operator, or another operator's inbox")
    @ApiResponse(responseCode = "409", description = "The inbox is being rebuilt with the board, so it would be "
            + "incomplete (PROJECTION_BEHIND); retry shortly")
    InboxView inbox(
            @Parameter(description = "The operator id", example = "chc") @PathVariable String id,
            @Parameter(description = "Only assignments in this state") @RequestParam(required = false) AssignmentState state,
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(required = false) @Min(1) @Max(MAX_LIMIT) Integer limit,
            @Parameter(description = "The cursor of the next page, as next of the previous page names it")
            @RequestParam(required = false) String after) {
        FindInboxQuery.Position position = InboxCursor.decode(after);
        // after the check of who may read it, so that an inbox one may not read is 404 as ever
        requireReadable(id);
        progress.requireNotRebuilding(BOARD, OperatorQueryProblem.PROJECTION_BEHIND);
        Integer size = limit == null && position != null ? Integer.valueOf(DEFAULT_LIMIT) : limit;
        return find(new FindInboxQuery(id, state, position, size));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live push of new and changed assignments (server-sent events)",
            description = """
                    A first connection gets an 'inbox' event with the whole inbox, then an 'assignment' event for \
                    every new or changed assignment. Each 'assignment' event's id is the global event position of \
                    the change; a client reconnecting with Last-Event-ID first gets the current state of every \
                    assignment that changed after that position, then live updates; when that is more than a page, or                     the position is past every event this service has seen (an id from another database), it gets                     the 'inbox' event instead. Delivery is at least once.""")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = InboxEntryView.class)))
    @ApiResponse(responseCode = "404", description = "No such operator, or another operator's inbox")
    SseEmitter stream(
            @Parameter(description = "The operator id", example = "chc") @PathVariable String id,
            @Parameter(description = "The id of the last event received, on a reconnect", example = "\"1234\"")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        InboxView current = find(new FindInboxQuery(id, null));
        return streams.open(current, position(lastEventId));
    }

    private static void requireReadable(String operator) {
        boolean mayRead = CurrentUser.current().map(user -> user.mayActFor(operator)).orElse(false);
        if (!mayRead) {
            throw DomainProblem.notFound();
        }
    }

    private InboxView find(FindInboxQuery query) {
        requireReadable(query.operatorId());
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(InboxView.class))
                .join().orElseThrow(DomainProblem::notFound);
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        long position;
        try {
            position = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            position = -1;
        }
        // the ids this stream sends are global event positions, never negative: -5 was taken as "from the start"
        if (position < 0) {
            throw DomainProblem.invalid(InboxProblem.INVALID_LAST_EVENT_ID, "Last-Event-ID",
                    "Last-Event-ID must be the id of an event this stream sent.");
        }
        return position;
    }
}
