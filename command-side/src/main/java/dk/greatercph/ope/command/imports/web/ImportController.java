package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** The desk imports its earlier records from a CSV file: a dry run first, then the real run, followed as a job. */
@RestController
@RequestMapping(path = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "The desk's earlier records, imported from CSV files (docs/import.md)")
class ImportController {

    private static final String TEXT_CSV = "text/csv";

    private static final String DRY_RUN = "Only report what would be recorded; record nothing. true or false; any "
            + "other value, an empty one too, is refused (400 INVALID_PARAMETER)";

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = TEXT_CSV)
    @Operation(summary = "Import registrations from a CSV file",
            description = "Starts a run over the file, posted as the body (text/csv, UTF-8, with or without a byte "
                    + "order mark). With dryRun=true nothing is recorded: the run reports per line what would be "
                    + "recorded or why the line is refused, with the code and fields POST /api/delegations gives. "
                    + "A real run records each valid line as an ordinary registration whose events carry the "
                    + "metadata imported=true, importFileSha256, importLine and importId; refused lines do not "
                    + "stop valid ones. Posting a file whose real run is done records nothing and answers 200 with "
                    + "that run; a file whose run was interrupted is resumed: only lines not yet recorded are.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(name = "two lines", value = CsvLayout.EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "The run started; follow it at Location"),
                    @ApiResponse(responseCode = "200", description = "The file was imported in full before: that run"),
                    @ApiResponse(responseCode = "400", description = "Not a CSV file of the documented layout "
                            + "(MISSING_HEADER, UNKNOWN_COLUMN, DUPLICATE_COLUMN, MALFORMED_CSV, INVALID_ENCODING)",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/Problem"))),
                    @ApiResponse(responseCode = "413", description = "Larger than ope.http.max-import-size",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/Problem")))})
    ResponseEntity<ImportView> importCsv(
            @Parameter(description = DRY_RUN, schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(required = false) String dryRun,
            HttpServletRequest request, InputStream body) throws IOException {
        onlyDryRunAsked(request);
        onlyUtf8Declared(request);
        return start(body, dryRun(dryRun), request);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import registrations from a CSV file uploaded as a form's file field",
            description = "The same as posting the file as text/csv; the part is named 'file'.")
    ResponseEntity<ImportView> importUpload(
            @Parameter(description = DRY_RUN, schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(required = false) String dryRun,
            @RequestPart("file") MultipartFile file, HttpServletRequest request) throws IOException {
        onlyDryRunAsked(request);
        onlyFileAndDryRunSent(request);
        boolean dry = dryRun(dryRun);
        if (parts(request, "file") > 1) { // the second was silently left out
            throw new InvalidInput(InputProblem.INVALID_PARAMETER, "file", "is given more than once; send one file");
        }
        try (InputStream body = file.getInputStream()) {
            return start(body, dry, request);
        }
    }

    /**
     * A query parameter other than dryRun is refused by name: a misspelt {@code ?dryrun=true} was ignored, and the
     * file recorded for good.
     */
    private static void onlyDryRunAsked(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
            if (!name.isEmpty() && !name.equals("dryRun")) {
                throw new InvalidInput(InputProblem.INVALID_PARAMETER, name,
                        "is not a parameter of an import (dryRun is the only one)");
            }
        }
    }

    /**
     * A body declared in another charset than UTF-8 ({@code text/csv; charset=ISO-8859-1}) is refused: it was read as
     * UTF-8 whatever it said, and a Latin-1 file whose bytes happen to be valid UTF-8 was recorded changed.
     */
    private static void onlyUtf8Declared(HttpServletRequest request) {
        // the header as sent: the request's own encoding is set to UTF-8 by the character encoding filter
        String declared = request.getHeader("Content-Type");
        java.nio.charset.Charset charset;
        try {
            charset = declared == null ? null : MediaType.parseMediaType(declared).getCharset();
        } catch (RuntimeException unknown) {
            throw new InvalidInput(ImportProblem.INVALID_ENCODING, "Content-Type",
                    "names a charset that is not UTF-8; an import file is UTF-8 text");
        }
        if (charset != null && !charset.equals(java.nio.charset.StandardCharsets.UTF_8)) {
            throw new InvalidInput(ImportProblem.INVALID_ENCODING, "Content-Type",
                    "names the charset " + charset.name() + "; an import file is UTF-8 text");
        }
    }

    /**
     * A form field other than the file and dryRun is refused by name, as a query parameter is: a misspelt
     * {@code dryrun=true} sent as a field of the form was ignored, and the file recorded for good.
     */
    private static void onlyFileAndDryRunSent(HttpServletRequest request) throws IOException {
        try {
            for (jakarta.servlet.http.Part part : request.getParts()) {
                if (!part.getName().equals("file") && !part.getName().equals("dryRun")) {
                    throw new InvalidInput(InputProblem.INVALID_PARAMETER, part.getName(),
                            "is not a field of an import's form (file and dryRun are)");
                }
            }
        } catch (ServletException notMultipart) {
            // read as multipart already, or refused before this as a body that is not
        }
    }

    private static long parts(HttpServletRequest request, String name) throws IOException {
        try {
            return request.getParts().stream().filter(part -> name.equals(part.getName())).count();
        } catch (ServletException notMultipart) {
            return 0;
        }
    }

    /**
     * {@code true} or {@code false}, absent meaning false. Anything else is refused by name: an empty {@code dryRun=}
     * read as false, so a client that meant to try a file recorded it for good.
     */
    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInput(InputProblem.INVALID_PARAMETER, "dryRun", "is neither true nor false");
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import run: its progress while it runs (linesRead of linesTotal) and every line's outcome",
            description = "While the run is RUNNING: its totals only, cheap to poll for a progress bar (linesRead of "
                    + "linesTotal, recorded, alreadyRecorded, refused). Once it is DONE, FAILED or INTERRUPTED: the "
                    + "lines' outcomes too, up to limit (at most 1000) after line number 'after'; nextAfter says where "
                    + "the next page starts. Desk and auditors.")
    ImportView run(@Parameter(example = "IMP-6b1f0c2e-3d4a-4b5c-8d6e-7f8091a2b3c4") @PathVariable String id,
                   @Parameter(description = "Lines after this line number (the previous answer's nextAfter)")
                   @RequestParam(defaultValue = "0") @Min(0) int after,
                   @Parameter(description = "At most this many lines (1–1000)")
                   @RequestParam(defaultValue = "1000") @Min(1) @Max(ImportView.LINES_PER_PAGE) int limit) {
        return imports.find(id, after, limit).orElseThrow(DomainProblem::notFound);
    }

    private ResponseEntity<ImportView> start(InputStream body, boolean dryRun, HttpServletRequest request)
            throws IOException {
        CurrentUser user = CurrentUser.current().orElseThrow();
        Imports.Started started;
        try {
            started = imports.start(body, dryRun, user);
        } catch (Imports.UnreadableUpload e) {
            throw new HttpMessageNotReadableException("The file could not be read.", e.getCause(),
                    new ServletServerHttpRequest(request));
        }
        URI location = URI.create("/api/imports/" + started.run().id());
        return ResponseEntity.status(started.isNew() ? HttpStatus.ACCEPTED : HttpStatus.OK).location(location)
                .body(started.run());
    }
}
