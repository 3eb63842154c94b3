package dk.greatercph.ope.query.reference;

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

/** The registered venues and partners, for the programme editor's pickers, and each alone (its registration's Location). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners and venues (queries)",
        description = "The registered venues and partners, by name, as the programme items' pickers offer them.")
class ReferenceQueryController {

    static final int MAX_LIMIT = 500;
    private static final String PAGES = "Ordered by name without regard to case, then id, in pages of at most limit ("
            + MAX_LIMIT + " without it); when more follow, the Link header names the next page (rel=\"next\", with "
            + "its 'after' cursor).";
    private static final String VENUES = "venues";
    private static final String PARTNERS = "partners";

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    ReferenceQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping("/venues")
    @Operation(summary = "The registered venues, by name",
            description = "DESK, OPERATOR or AUDITOR: operators plan programme items too. A venue of kind HOSPITAL "
                    + "makes every item held there need cost coverage (R3). " + PAGES)
    @ApiResponse(responseCode = "200", description = "A page of venues, by name",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string", example = "</api/venues?limit=50&after=dmVudWVzOlZFTi0wYjZjMmI3ZS0xZDJmLTRhM2ItOGM5ZC0wZTFmMmEzYjRjNWR8UmVnaW9uc2fDpXJkZW4sIEhpbGxlcsO4ZA>; rel=\"next\"")))
    ResponseEntity<List<VenueView>> venues(
            @Parameter(description = "Page size, at most " + MAX_LIMIT, example = "50")
            @RequestParam(defaultValue = "" + MAX_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        List<VenueView> rows = queryGateway.query(new FindVenuesQuery(NamePosition.decode(VENUES, after), limit + 1),
                ResponseTypes.multipleInstancesOf(VenueView.class)).join();
        return NextPage.of(rows, limit, venue -> NamePosition.encode(VENUES, venue.name(), venue.id()), request);
    }

    @GetMapping("/venues/{id}")
    @Operation(summary = "One venue",
            description = "DESK, OPERATOR or AUDITOR: where the Location of a venue's registration points. An unknown "
                    + "id is 404 VENUE_NOT_FOUND. Read-your-writes: with ?minVersion (the ETag the registration or a "
                    + "correction answered) the request waits up to 5 seconds for the venue to show that version.")
    @ApiResponse(responseCode = "200", description = "The venue; its version is in the ETag, for a correction's If-Match")
    @ApiResponse(responseCode = "404", description = "No such venue (VENUE_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    ResponseEntity<VenueView> venue(@Parameter(description = "The venue id", example = "VEN-0b6c2b7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d")
                    @PathVariable String id,
                    @Parameter(description = "Wait (at most 5 s) until the venue is in the view at this version or later",
                            example = "0")
                    @RequestParam(required = false) @Min(0) Long minVersion) {
        return read(minVersion, () -> queryGateway.query(new FindVenueQuery(id),
                ResponseTypes.multipleInstancesOf(VenueView.class)).join(), VenueView::version)
                .map(venue -> ResponseEntity.ok().eTag("\"" + venue.version() + "\"").body(venue))
                .orElseThrow(() -> new DomainProblem(ReferenceQueryProblem.VENUE_NOT_FOUND, "No venue with id " + id
                        + "."));
    }

    @GetMapping("/partners")
    @Operation(summary = "The registered partners, by name",
            description = "DESK, OPERATOR or AUDITOR: operators plan programme items too. A hospital partner makes "
                    + "every item it hosts need cost coverage (R3). " + PAGES)
    @ApiResponse(responseCode = "200", description = "A page of partners, by name",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string", example = "</api/partners?limit=50&after=cGFydG5lcnM6UFJULTdhMWIyYzNkLTRlNWYtNGE2Yi04YzdkLTllMGYxYTJiM2M0ZHxSaWdzaG9zcGl0YWxldA>; rel=\"next\"")))
    ResponseEntity<List<PartnerView>> partners(
            @Parameter(description = "Page size, at most " + MAX_LIMIT, example = "50")
            @RequestParam(defaultValue = "" + MAX_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        List<PartnerView> rows = queryGateway.query(new FindPartnersQuery(NamePosition.decode(PARTNERS, after),
                limit + 1), ResponseTypes.multipleInstancesOf(PartnerView.class)).join();
        return NextPage.of(rows, limit, partner -> NamePosition.encode(PARTNERS, partner.name(), partner.id()), request);
    }

    @GetMapping("/partners/{id}")
    @Operation(summary = "One partner",
            description = "DESK, OPERATOR or AUDITOR: where the Location of a partner's registration points. An "
                    + "unknown id is 404 PARTNER_NOT_FOUND. Read-your-writes: with ?minVersion (the ETag the "
                    + "registration or a correction answered) the request waits up to 5 seconds for the partner to "
                    + "show that version.")
    @ApiResponse(responseCode = "200", description = "The partner; its version is in the ETag, for a correction's If-Match")
    @ApiResponse(responseCode = "404", description = "No such partner (PARTNER_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    ResponseEntity<PartnerView> partner(@Parameter(description = "The partner id",
                                   example = "PRT-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @PathVariable String id,
                        @Parameter(description = "Wait (at most 5 s) until the partner is in the view at this version "
                                + "or later", example = "0")
                        @RequestParam(required = false) @Min(0) Long minVersion) {
        return read(minVersion, () -> queryGateway.query(new FindPartnerQuery(id),
                ResponseTypes.multipleInstancesOf(PartnerView.class)).join(), PartnerView::version)
                .map(partner -> ResponseEntity.ok().eTag("\"" + partner.version() + "\"").body(partner))
                .orElseThrow(() -> new DomainProblem(ReferenceQueryProblem.PARTNER_NOT_FOUND, "No partner with id "
                        + id + "."));
    }

    /** The one row the query found, if any; with minVersion, waiting (at most 5 s) until it is there at that version. */
    private <T> Optional<T> read(Long minVersion, Supplier<List<T>> query, java.util.function.ToLongFunction<T> version) {
        Supplier<Optional<T>> one = () -> query.get().stream().findFirst();
        if (minVersion == null) {
            return progress.current("reference-names", one, ReferenceQueryProblem.PROJECTION_BEHIND);
        }
        Optional<T> read = progress.readAtLeast("reference-names", minVersion, one, version,
                ReferenceQueryProblem.PROJECTION_BEHIND);
        if (read.isPresent() && version.applyAsLong(read.get()) < minVersion) {
            throw new DomainProblem(ReferenceQueryProblem.PROJECTION_BEHIND, "The view is at version "
                    + version.applyAsLong(read.get()) + ", not yet at " + minVersion + "; retry shortly.");
        }
        return read;
    }
}
