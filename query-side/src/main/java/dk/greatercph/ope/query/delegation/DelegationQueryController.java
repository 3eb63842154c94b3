package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.query.inbox.AssignmentState;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

/** The desk's board and one delegation. */
@RestController
@RequestMapping(path = "/api/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegations (queries)",
        description = "The desk's board and one delegation as the projections show it; minVersion reads your own writes.")
class DelegationQueryController {

    static final int MAX_LIMIT = 200;

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    DelegationQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One delegation with its programme, assignments, scope requests, routing, refusals and outcome",
            description = """
                    An operator finds only delegations assigned to it (an offered, accepted or escalated assignment); \
                    any other id answers 404. Read-your-writes: with ?minVersion=N (the ETag a command answered), the \
                    request waits up to 5 seconds until the view has reached version N, or, while the caller does \
                    not see the delegation, until it does (a just-registered delegation, or one just offered to the \
                    calling operator, then appears; an id the caller may not see answers 404 after the 5 seconds, as \
                    an unknown one does); if the view is still behind by then, it answers 409 PROJECTION_BEHIND and \
                    the client retries.""")
    @ApiResponse(responseCode = "200", description = "The delegation; its version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such delegation, or not assigned to the calling operator")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is "
            + "being rebuilt and has not yet reached what was recorded before the request (PROJECTION_BEHIND)")
    ResponseEntity<DelegationDetailView> one(
            @Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "3")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        DelegationDetailView view = read(id, minVersion);
        return ResponseEntity.ok().eTag("\"" + view.delegation().version() + "\"").body(view);
    }

    @GetMapping("/{id}/programme-items/{itemId}")
    @Operation(summary = "One programme item of a delegation",
            description = """
                    Where the Location of an item's addition points: the item as the delegation's programme shows \
                    it. Who may read it, read-your-writes with ?minVersion=N and its answers are as for the \
                    delegation; an item the programme does not have (or no longer has: removed) is 404.""")
    @ApiResponse(responseCode = "200", description = "The item; the delegation's version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such delegation or item, or not assigned to the calling operator")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is being rebuilt (PROJECTION_BEHIND)")
    ResponseEntity<DelegationDetailView.ProgrammeItem> programmeItem(
            @Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "The item id", example = "ITM-4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
            @PathVariable String itemId,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "6")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        DelegationDetailView view = read(id, minVersion);
        return view.programme().stream().filter(item -> item.itemId().equals(itemId)).findFirst()
                .map(item -> ResponseEntity.ok().eTag("\"" + view.delegation().version() + "\"").body(item))
                .orElseThrow(DomainProblem::notFound);
    }

    @GetMapping("/{id}/scope-expansions/{requestId}")
    @Operation(summary = "One scope-expansion request of a delegation",
            description = """
                    Where the Location of a scope-expansion request points: the request with its themes, reason and                     the desk's decision once taken. Who may read it, read-your-writes with ?minVersion=N and its                     answers are as for the delegation; a request the delegation does not have is 404.""")
    @ApiResponse(responseCode = "200", description = "The request; the delegation's version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such delegation or request, or not assigned to the calling operator")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is being rebuilt (PROJECTION_BEHIND)")
    ResponseEntity<DelegationDetailView.ScopeRequest> scopeRequest(
            @Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "The request id", example = "SCP-2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
            @PathVariable String requestId,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "7")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        DelegationDetailView view = read(id, minVersion);
        return view.scopeRequests().stream().filter(request -> request.requestId().equals(requestId)).findFirst()
                .map(request -> ResponseEntity.ok().eTag("\"" + view.delegation().version() + "\"").body(request))
                .orElseThrow(DomainProblem::notFound);
    }

    /** The delegation as the caller may see it, with read-your-writes; 404 or 409 PROJECTION_BEHIND otherwise. */
    private DelegationDetailView read(String id, Long minVersion) {
        String operator = CurrentUser.current().map(CurrentUser::operatorId).orElse(null);
        FindDelegationQuery query = new FindDelegationQuery(id, operator);
        Optional<DelegationDetailView> view = minVersion == null
                ? progress.current(DelegationBoardProjection.NAME, () -> find(query),
                        DelegationQueryProblem.PROJECTION_BEHIND)
                : progress.readAtLeast(DelegationBoardProjection.NAME, minVersion, () -> find(query),
                        v -> v.delegation().version(), DelegationQueryProblem.PROJECTION_BEHIND);
        if (minVersion != null && view.isPresent() && view.get().delegation().version() < minVersion) {
            throw new DomainProblem(DelegationQueryProblem.PROJECTION_BEHIND, "The view is at version "
                    + view.get().delegation().version() + ", not yet at " + minVersion + "; retry shortly.");
        }
        return view.orElseThrow(DomainProblem::notFound);
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "A page of the board, newest first")
    @ApiResponse(responseCode = "409", description = "The board is being rebuilt, so its pages would be incomplete "
            + "(PROJECTION_BEHIND); retry shortly")
    @Operation(summary = "The desk's board, newest first, optionally filtered",
            description = "DESK or AUDITOR. Filters combine; pages follow the 'next' cursor. from/to select delegations whose wished dates overlap that period; q searches organisation and purpose, case-insensitively; country (ISO 3166-1 alpha-2, else 400 INVALID_COUNTRY naming it), sector and type select by origin and kind; receivedFrom/receivedTo by the date the request reached the desk; assignmentState the delegations having an assignment in that state (ESCALATED: those the deadline escalated).")
    DelegationPage board(
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The 'next' cursor of the previous page")
            @RequestParam(required = false) String after,
            @Parameter(description = "Only delegations in this status")
            @RequestParam(required = false) DelegationStatus status,
            @Parameter(description = "Only delegations this operator leads, supports or has an open assignment on",
                    example = "chc")
            @RequestParam(required = false) String operator,
            @Parameter(description = "Only delegations covering this theme (approved scope expansions included)")
            @RequestParam(required = false) Theme theme,
            @Parameter(description = "Only delegations whose wished dates end on or after this day",
                    schema = @Schema(type = "string", format = "date", example = "2027-04-01"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Only delegations whose wished dates begin on or before this day",
                    schema = @Schema(type = "string", format = "date", example = "2027-04-30"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Text searched (case-insensitive) in the requesting organisation and the purpose",
                    example = "Jiangsu")
            @RequestParam(required = false) @Size(max = 200) String q,
            @Parameter(description = "Only delegations from this country (ISO 3166-1 alpha-2, upper case)",
                    example = "CN")
            @RequestParam(required = false) String country,
            @Parameter(description = "Only delegations of this sector (public, private, academic, other)")
            @RequestParam(required = false) DelegationType.Sector sector,
            @Parameter(description = "Only delegations of this type")
            @RequestParam(required = false) DelegationType type,
            @Parameter(description = "Only delegations received by the desk on or after this day",
                    schema = @Schema(type = "string", format = "date", example = "2027-01-01"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @Parameter(description = "Only delegations received by the desk on or before this day",
                    schema = @Schema(type = "string", format = "date", example = "2027-12-31"))
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @Parameter(description = "Only delegations having an assignment in this state")
            @RequestParam(required = false) AssignmentState assignmentState) {
        progress.requireNotRebuilding(DelegationBoardProjection.NAME, DelegationQueryProblem.PROJECTION_BEHIND);
        DateRange.requireWindow("to", from, to);
        DateRange.requireWindow("receivedTo", receivedFrom, receivedTo);
        if (country != null) {
            CountryCodes.require("country", country);
        }
        return queryGateway.query(new FindDelegationsQuery(BoardCursor.decode(after), limit, status, operator, theme,
                from, to, q, country, sector, type, receivedFrom, receivedTo, assignmentState),
                ResponseTypes.instanceOf(DelegationPage.class)).join();
    }

    private Optional<DelegationDetailView> find(FindDelegationQuery query) {
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(DelegationDetailView.class)).join();
    }
}
