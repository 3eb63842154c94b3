package dk.greatercph.ope.query.report;

import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.platform.upload.UploadFolder;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import dk.greatercph.ope.query.replay.ViewProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The committee's annual report, as JSON, CSV or a spreadsheet. */
@RestController
@RequestMapping("/api/reports/annual")
@Tag(name = "Reports (queries)",
        description = "The committee's annual report per year of receipt: operators' targets against actuals, Chinese delegations, public/private share, requests by country, the annual political trip; as JSON, CSV or a spreadsheet.")
class AnnualReportController {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReports reports;
    private final UploadFolder files;
    private final ProjectionProgress progress;

    AnnualReportController(AnnualReports reports, UploadFolder files,
                           ProjectionProgress progress) {
        this.reports = reports;
        this.files = files;
        this.progress = progress;
    }

    @GetMapping(path = "/{year}", produces = {MediaType.APPLICATION_JSON_VALUE, CSV, XLSX})
    @Operation(summary = "The committee's annual report for one year of receipt",
            description = """
                    Delegations count in the year they were received (their date received), from every country: \
                    requests by sector (public/private share), kind and country; the Chinese ones (Jiangsu against \
                    the rest of China, and per province); the completed ones' outcome figures (tourists and \
                    overnight stays from China only); those not realised (declined, cancelled, withdrawn) with their \
                    reasons; per operator its agreed targets against the actuals (as GET /api/kpis?year=); and the \
                    year's annual political trip with its report. JSON by default; CSV (Accept: text/csv) and a \
                    spreadsheet (Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) download \
                    as annual-report-{year}.csv / .xlsx; format=csv|xlsx|json chooses among what Accept allows (a browser's */* allows all three).""",
            responses = @ApiResponse(responseCode = "200", description = "The report", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AnnualReportView.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = "string", description = """
                            UTF-8, RFC 4180, header section,item,measure,value""")),
                    @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary",
                            description = "One sheet per section, columns item, measure, value"))}))
    ResponseEntity<?> annual(@Parameter(description = "The year of receipt", example = "2027")
                             @PathVariable @Min(1900) @Max(9999) int year,
                             @Parameter(description = "Chooses the representation among those the Accept header allows",
                                     schema = @Schema(allowableValues = {"json", "csv", "xlsx"}))
                             @RequestParam(required = false) String format,
                             @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                             String accept) throws IOException {
        Representation representation = Representation.of(format, accept);
        // the committee's report counted up from nothing while its views were rebuilt: "0 completed", answered 200
        for (String view : java.util.List.of(AnnualReportProjection.NAME, "kpi", "operator-directory", "trip-board")) {
            progress.requireNotRebuilding(view, ViewProblem.PROJECTION_BEHIND);
        }
        AnnualReportView report = reports.of(year);
        return switch (representation) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV -> download(AnnualReportTable.of(report).csv(), new MediaType("text", "csv",
                    StandardCharsets.UTF_8), "annual-report-" + year + ".csv");
            case XLSX -> download(AnnualReportTable.of(report).xlsx(files.forWriting()), MediaType.parseMediaType(XLSX),
                    "annual-report-" + year + ".xlsx");
        };
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    /** How the report is written. */
    enum Representation {
        JSON,
        CSV,
        XLSX;

        /** The {@code format} parameter if given, else the first of the three the Accept header prefers. */
        static Representation of(String format, String accept) {
            if (format != null) {
                return switch (format) {
                    case "json" -> JSON;
                    case "csv" -> CSV;
                    case "xlsx" -> XLSX;
                    default -> throw new InvalidInput(ReportProblem.INVALID_REPORT_FORMAT, "format", "is not one of json, csv, xlsx");
                };
            }
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(accepted);
            for (MediaType type : accepted) {
                if (type.isWildcardType()) {
                    return JSON;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return JSON;
                }
                if (type.isCompatibleWith(MediaType.parseMediaType(AnnualReportController.CSV))) {
                    return CSV;
                }
                if (type.isCompatibleWith(MediaType.parseMediaType(AnnualReportController.XLSX))) {
                    return XLSX;
                }
            }
            return JSON;
        }
    }
}
