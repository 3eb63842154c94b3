package dk.greatercph.ope.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;

/** One aggregate's history and its state as of any moment, for auditors. */
@RestController
@RequestMapping(path = "/api/audit/{aggregateType}/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit",
        description = "For auditors: the global event log with who, when and why, one aggregate's history and state as of a moment, the tamper-evident hash chain, signed checkpoints, NDJSON export and the log of personal-data reads.")
class AggregateAuditController {

    private final AggregateHistory history;

    AggregateAuditController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/timeline")
    @Operation(summary = "One aggregate's whole history: every event with payload, who, when and why",
            description = "DESK or AUDITOR. Every event of one delegation, trip, operator, ... in version order, with its metadata. An unknown type or id is 404 (AGGREGATE_TYPE_NOT_FOUND, AGGREGATE_NOT_FOUND).")
    AggregateTimelineView timeline(
            @Parameter(description = "The aggregate type, as in the event log (case does not matter)",
                    example = "Delegation")
            @PathVariable String aggregateType,
            @Parameter(description = "The aggregate's id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id) {
        return history.timeline(aggregateType, id);
    }

    @GetMapping("/state")
    @Operation(summary = "The aggregate's state as of a moment or a version",
            description = "Folds the aggregate's events up to the moment (inclusive) and/or the version with the "
                    + "aggregate's own event sourcing handlers. Without either, the current state; with both, the "
                    + "state where the first of the two is reached, its version in the answer's version. A moment "
                    + "before the first event is a 404 with code DID_NOT_EXIST_YET.")
    AggregateStateView state(
            @Parameter(description = "The aggregate type, as in the event log (case does not matter)",
                    example = "Delegation")
            @PathVariable String aggregateType,
            @Parameter(description = "The aggregate's id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "As of this moment (ISO-8601 with offset)", example = "2027-04-12T10:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at,
            @Parameter(description = "As of this version (0 is the first event)", example = "0")
            @RequestParam(required = false) @Min(0) Long version) {
        return history.stateAt(aggregateType, id, at == null ? null : at.toInstant(), version);
    }
}
