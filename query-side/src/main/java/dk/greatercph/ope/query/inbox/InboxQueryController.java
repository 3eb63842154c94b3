package dk.greatercph.ope.query.inbox;

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

    private final QueryGateway queryGateway;
    private final InboxStreams streams;

    InboxQueryController(QueryGateway queryGateway, InboxStreams streams) {
        this.queryGateway = queryGateway;
        this.streams = streams;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An operator's assignments by state, with due time and overdue flag",
            description = "An operator reads only its own inbox; any other answers 404.")
    @ApiResponse(responseCode = "200", description = "The inbox, open assignments first")
    @ApiResponse(responseCode = "404", description = "No such operator, or another operator's inbox")
    InboxView inbox(
            @Parameter(description = "The operator id", example = "chc") @PathVariable String id,
            @Parameter(description = "Only assignments in this state") @RequestParam(required = false) AssignmentState state) {
        return find(id, state);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live push of new and changed assignments (server-sent events)",
            description = """
                    A first connection gets an 'inbox' event with the whole inbox, then an 'assignment' event for \
                    every new or changed assignment. Each 'assignment' event's id is the global event position of \
                    the change; a client reconnecting with Last-Event-ID first gets the current state of every \
                    assignment that changed after that position, then live updates. Delivery is at least once.""")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = InboxEntryView.class)))
    @ApiResponse(responseCode = "404", description = "No such operator, or another operator's inbox")
    SseEmitter stream(
            @Parameter(description = "The operator id", example = "chc") @PathVariable String id,
            @Parameter(description = "The id of the last event received, on a reconnect", example = "\"1234\"")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        InboxView current = find(id, null);
        return streams.open(current, position(lastEventId));
    }

    private InboxView find(String operator, AssignmentState state) {
        boolean mayRead = CurrentUser.current().map(user -> user.mayActFor(operator)).orElse(false);
        if (!mayRead) {
            throw DomainProblem.notFound();
        }
        return queryGateway.query(new FindInboxQuery(operator, state), ResponseTypes.optionalInstanceOf(InboxView.class))
                .join().orElseThrow(DomainProblem::notFound);
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw new DomainProblem(InboxProblem.INVALID_LAST_EVENT_ID,
                    "Last-Event-ID must be the id of an event this stream sent.");
        }
    }
}
