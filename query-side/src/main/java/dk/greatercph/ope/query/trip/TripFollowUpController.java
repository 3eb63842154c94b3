package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What the political trips handed to an operator: a completed trip's report names follow-ups per operator, which
 * reached only the desk's trip page, where no operator may look.
 */
@RestController
@RequestMapping(path = "/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trips (queries)")
class TripFollowUpController {

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    TripFollowUpController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping("/{id}/trip-follow-ups")
    @Operation(summary = "The follow-ups completed trips handed to an operator, newest trip first",
            description = "DESK, AUDITOR, or the OPERATOR itself; another operator's list is 404, as its inbox is. "
                    + "No personal data: the trip's title and dates and the action the report names.")
    @ApiResponse(responseCode = "200", description = "The operator's follow-ups (empty when none)")
    @ApiResponse(responseCode = "404", description = "Another operator's follow-ups, asked by an operator")
    @ApiResponse(responseCode = "409", description = "The trips' view is being rebuilt (PROJECTION_BEHIND)")
    List<TripFollowUpView> followUps(
            @Parameter(description = "The operator's id", example = "copcap") @PathVariable String id) {
        if (!CurrentUser.current().map(user -> user.mayActFor(id)).orElse(false)) {
            throw DomainProblem.notFound();
        }
        progress.requireNotRebuilding(TripProjection.NAME, TripQueryProblem.PROJECTION_BEHIND);
        return queryGateway.query(new FindTripFollowUpsQuery(id),
                ResponseTypes.multipleInstancesOf(TripFollowUpView.class)).join();
    }
}
