package dk.greatercph.ope.query.deadletter;

import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administration of dead letters: the events projections could not apply, and what to do with them. */
@RestController
@Validated
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class DeadLetterController {

    static final int MAX_LIMIT = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dead letters of every projection, or of one, oldest first",
            description = "ADMIN. Events a projection could not apply, parked per aggregate; never skipped.")
    @ApiResponse(responseCode = "200", description = "A page of dead letters")
    @ApiResponse(responseCode = "404", description = "No such projection (PROJECTION_NOT_FOUND)")
    DeadLetterPage list(
            @Parameter(description = "Only this projection's dead letters", example = "delegation-board")
            @RequestParam(required = false) String projection,
            @Parameter(description = "Page size (at most 500)", example = "50")
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "Where the page starts: the next of the previous page", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return deadLetters.page(projection, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter with its cause and the stored event",
            description = "ADMIN. The letter, the cause of its failure and the stored event's payload.")
    @ApiResponse(responseCode = "200", description = "The dead letter")
    @ApiResponse(responseCode = "404", description = "No such dead letter (DEAD_LETTER_NOT_FOUND)")
    DeadLetterDetailView one(@Parameter(description = "The dead letter's id") @PathVariable String id) {
        return deadLetters.one(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry the sequence this dead letter belongs to",
            description = "Applies the parked events of the letter's aggregate again, from the first one on and in "
                    + "order; stops at the first that fails again, which stays parked with its new cause. 200 either "
                    + "way; remaining says how many letters are still parked.")
    @ApiResponse(responseCode = "200", description = "What the retry did")
    @ApiResponse(responseCode = "404", description = "No such dead letter (DEAD_LETTER_NOT_FOUND)")
    RetryOutcome retry(@Parameter(description = "The dead letter's id") @PathVariable String id) {
        return deadLetters.retry(id);
    }

    @PostMapping("/retry")
    @Operation(summary = "Retry every dead letter of one projection, each sequence from its first letter",
            description = "ADMIN. Applies the parked events again, each aggregate's sequence in order; answers how many sequences completed and how many letters remain.")
    @ApiResponse(responseCode = "200", description = "What the retry did")
    @ApiResponse(responseCode = "400", description = "No projection named (PROJECTION_REQUIRED)")
    @ApiResponse(responseCode = "404", description = "No such projection (PROJECTION_NOT_FOUND)")
    RetryOutcome retryAll(
            @Parameter(description = "The projection whose dead letters are retried", example = "delegation-board",
                    required = true)
            @RequestParam(required = false) String projection) {
        return deadLetters.retryAll(projection);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Evict one dead letter for good, with a reason",
            description = "The event is not applied to the projection; the eviction, its reason and the "
                    + "administrator are logged and kept in dead_letter_eviction. The event itself stays in the event "
                    + "store, so a replay of the projection meets it again.")
    @ApiResponse(responseCode = "204", description = "Evicted")
    @ApiResponse(responseCode = "400", description = "No reason given (REASON_REQUIRED) or an unusable one (INVALID_REASON)")
    @ApiResponse(responseCode = "404", description = "No such dead letter (DEAD_LETTER_NOT_FOUND)")
    ResponseEntity<Void> evict(
            @Parameter(description = "The dead letter's id") @PathVariable String id,
            @Parameter(description = "Why it is evicted; required", required = true,
                    example = "Event of a test delegation; the data was corrected by a later event")
            @RequestParam(required = false) String reason) {
        String actor = CurrentUser.current().map(CurrentUser::name).orElse("unknown");
        deadLetters.evict(id, reason, actor);
        return ResponseEntity.noContent().build();
    }
}
