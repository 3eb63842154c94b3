package dk.greatercph.ope.query.operator;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.NextPage;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The operators. */
@RestController
@RequestMapping(path = "/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators (queries)",
        description = "The operators with their themes, and each operator's inbox of assignments with its live push.")
class OperatorQueryController {

    static final int MAX_LIMIT = 500;
    private static final String CURSOR = "operators:";

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    OperatorQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping
    @Operation(summary = "The operators with the themes they take",
            description = "DESK or AUDITOR. The operators the routing table routes to, with their themes, ordered by "
                    + "code, in pages of at most limit (" + MAX_LIMIT + " without it); when more follow, the Link "
                    + "header names the next page (rel=\"next\", with its 'after' cursor).")
    @ApiResponse(responseCode = "200", description = "A page of operators, by code",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string", example = "</api/operators?limit=50&after=b3BlcmF0b3JzOmNoYw>; rel=\"next\"")))
    ResponseEntity<List<OperatorView>> operators(
            @Parameter(description = "Page size, at most " + MAX_LIMIT, example = "50")
            @RequestParam(defaultValue = "" + MAX_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        String from = Cursors.decode(CURSOR, after, code -> {
            if (code.isEmpty()) {
                throw new IllegalArgumentException(code);
            }
            return code;
        });
        List<OperatorView> rows = queryGateway.query(new FindOperatorsQuery(from, limit + 1),
                ResponseTypes.multipleInstancesOf(OperatorView.class)).join();
        return NextPage.of(rows, limit, operator -> Cursors.encode(CURSOR, operator.id()), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operator with the themes it takes",
            description = "DESK or AUDITOR: where the Location of an operator's registration points. An unknown id "
                    + "is 404 OPERATOR_NOT_FOUND. Read-your-writes as for delegations: with ?minVersion=N (the ETag "
                    + "an operator command answered) the request waits up to 5 seconds until the view has reached "
                    + "version N (or an operator registered a moment ago appears); if it is still behind then, 409 "
                    + "PROJECTION_BEHIND and the client retries.")
    @ApiResponse(responseCode = "200", description = "The operator; its version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such operator (OPERATOR_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is "
            + "being rebuilt and has not yet reached what was recorded before the request (PROJECTION_BEHIND)")
    ResponseEntity<OperatorView> operator(
            @Parameter(description = "The operator's code", example = "chc") @PathVariable String id,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "1")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        Supplier<Optional<OperatorView>> read = () -> queryGateway.query(new FindOperatorQuery(id),
                ResponseTypes.multipleInstancesOf(OperatorView.class)).join().stream().findFirst();
        Optional<OperatorView> view = minVersion == null
                ? progress.current("operator-directory", read, OperatorQueryProblem.PROJECTION_BEHIND)
                : progress.readAtLeast("operator-directory", minVersion, read, OperatorView::version,
                        OperatorQueryProblem.PROJECTION_BEHIND);
        if (minVersion != null && view.isPresent() && view.get().version() < minVersion) {
            throw new DomainProblem(OperatorQueryProblem.PROJECTION_BEHIND, "The view is at version "
                    + view.get().version() + ", not yet at " + minVersion + "; retry shortly.");
        }
        return view.map(found -> ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(found))
                .orElseThrow(() -> new DomainProblem(OperatorQueryProblem.OPERATOR_NOT_FOUND, "No operator with id "
                        + id + "."));
    }
}
