package dk.greatercph.ope.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Administration of projections: their progress, and rebuilding one from the whole history. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration",
        description = "For administrators: projection status and replay, dead letters, and the rebuild of the command side's lookup tables.")
class ProjectionController {

    private final ProjectionReplays replays;

    ProjectionController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping
    @Operation(summary = "Every projection's position, the head of the event store, and its last replay",
            description = "ADMIN. Each projection (streaming event processor) with how far behind the head it is, its dead letters and its last replay.")
    List<ProjectionStatus> projections() {
        return replays.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection's position and its last replay",
            description = "ADMIN. An unknown name is 404 PROJECTION_NOT_FOUND.")
    ProjectionStatus projection(
            @Parameter(description = "The projection's processing group", example = "delegation-board")
            @PathVariable String name) {
        return replays.one(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a projection from the whole event history",
            description = "Stops the projection, clears it (its reset handler), resets its position to the start of "
                    + "the event store and starts it again; 202 at once, progress at the Location. Handlers with "
                    + "side effects are marked @DisallowReplay and stay silent during the replay. The board "
                    + "(delegation-board) is replayed in parallel outside its processor up to the head it had when "
                    + "asked (lastReplay.method PARALLEL), and its processor goes on from there; if that fails, its "
                    + "processor replays it from the start (method PROCESSOR) and parks what fails.")
    @ApiResponse(responseCode = "202", description = "The replay has started; its progress is at the Location")
    @ApiResponse(responseCode = "404", description = "No projection of that name (PROJECTION_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "Already being replayed (REPLAY_IN_PROGRESS), not replayable "
            + "(REPLAY_NOT_SUPPORTED) or claimed by another node (PROJECTION_CLAIMED_ELSEWHERE)")
    ResponseEntity<ProjectionStatus> replay(
            @Parameter(description = "The projection's processing group", example = "delegation-board")
            @PathVariable String name) {
        ProjectionStatus status = replays.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }
}
