package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.NextPage;
import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;

/** For auditors: who read whose personal data, and when. */
@RestController
@Tag(name = "Audit")
class PersonalDataReadController {

    static final int MAX_LIMIT = 1000;
    private static final String CURSOR = "personal-data-reads:";

    private final PersonalDataReads reads;

    PersonalDataReadController(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GetMapping(path = "/api/audit/personal-data-reads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every read that showed personal data: who read whose data, when, through which request",
            description = """
                    Recorded for right of access (/api/persons/{id}), member lists, trips, the audit log, timelines, \
                    states and exports: one entry per request that showed at least one person's personal fields in \
                    clear, naming those people. Newest first, in pages of at most limit (100 without it); when more \
                    follow, the Link header names the next page (rel="next", the same filters with its 'after' \
                    cursor).""")
    @ApiResponse(responseCode = "200", description = "A page of reads, newest first",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string",
                            example = "</api/audit/personal-data-reads?actor=desk&limit=100&after=cGVyc29uYWwtZGF0YS1yZWFkczoxMDQy>; rel=\"next\"")))
    ResponseEntity<List<PersonalDataReads.PersonalDataRead>> reads(
            @Parameter(description = "Only reads that showed this person's data",
                    example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a")
            @RequestParam(required = false) String person,
            @Parameter(description = "Only reads by this user", example = "desk")
            @RequestParam(required = false) String actor,
            @Parameter(description = "Only reads at or after this moment (ISO-8601 with offset)",
                    example = "2027-04-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "At most this many, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        Long before = Cursors.decode(CURSOR, after, Cursors::number);
        return NextPage.of(reads.find(person, actor, from == null ? null : from.toInstant(), before, limit + 1), limit,
                read -> Cursors.encode(CURSOR, Long.toString(read.id())), request);
    }
}
