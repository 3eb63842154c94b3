package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.input.DateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;

/**
 * The event log as NDJSON for auditors' own tools. Written on the request thread straight from a database
 * cursor: constant memory for any range, and no asynchronous request timeout to cut a long export short. An export
 * that fails part way ends without the chunked answer's last chunk, so that a client sees it cut off.
 */
@RestController
@Tag(name = "Audit")
class AuditExportController {

    static final String NDJSON = "application/x-ndjson";

    private final EventExporter exporter;

    AuditExportController(EventExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping(path = "/api/audit/export", produces = NDJSON)
    @Operation(summary = "Export events with their metadata as NDJSON, in order of position",
            description = "One JSON object per line, the same shape as an item of /api/audit/events. Without "
                    + "from and to, the whole log.")
    @ApiResponse(responseCode = "200", description = "One event per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEventView.class)))
    void export(
            @Parameter(description = "Events recorded at or after this moment (ISO-8601 with offset)",
                    example = "2027-04-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "Events recorded before this moment (ISO-8601 with offset)",
                    example = "2027-05-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            HttpServletResponse response) throws IOException {
        DateRange.requireWindow("to", from, to);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ope-events.ndjson\"");
        // Not closed when the export fails part way (the database gone mid-stream): closing ended the chunked answer
        // as a complete one, and an auditor's archive held part of the log with nothing to tell. The failure goes
        // to the container with the answer begun, and the container drops the connection without its last chunk.
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        exporter.export(FindAuditEventsQuery.EventFilter.timeRange(AuditController.instant(from),
                AuditController.instant(to)), out);
        out.flush();
    }
}
