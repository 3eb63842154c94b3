package dk.greatercph.ope.command.imports.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An import run as the desk follows it: how far it has come ({@code linesRead} of {@code linesTotal}, enough for a
 * progress bar), what it recorded and refused, and when it is done, every line's outcome.
 */
@Schema(name = "Import")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "IMP-6b1f0c2e-3d4a-4b5c-8d6e-7f8091a2b3c4") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                description = "SHA-256 (hex) of the file's text without a byte-order mark and with LF line ends; the same file is recorded once")
        String fileSha256,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean dryRun,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DONE") ImportState state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "desk") String actor,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "48213") long fileBytes,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "120",
                description = "Records in the file (blank lines not counted)")
        int linesTotal,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "120", description = "Records judged so far")
        int linesRead,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "117",
                description = "Recorded by this run; in a dry run, the lines a real run would record")
        int recorded,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "Recorded by an earlier run of the same file, not again")
        int alreadyRecorded,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3",
                description = "Refused lines; they do not stop the others")
        int refused,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-01-20T09:30:00Z") Instant startedAt,
        @Schema(example = "2027-01-20T09:30:04Z") Instant finishedAt,
        @Schema(example = "DATABASE_UNAVAILABLE", description = "Why a FAILED run stopped") String failureCode,
        @Schema(description = "Why a FAILED run stopped, in words") String failureDetail,
        @Schema(description = "The lines and their outcomes, in file order, a page at a time (limit, after); left out "
                + "while the run is RUNNING")
        List<ImportLineView> lines,
        @Schema(example = "1001", description = "More lines follow: ask again with after set to this line number")
        Integer nextAfter) {

    /** Lines in one answer unless the client asks for fewer. */
    static final int LINES_PER_PAGE = 1000;
}
