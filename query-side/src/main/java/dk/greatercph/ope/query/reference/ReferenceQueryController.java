package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.platform.problem.DomainProblem;
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

/** The registered venues and partners, for the programme editor's pickers, and each alone (its registration's Location). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners and venues (queries)",
        description = "The registered venues and partners, by name, as the programme items' pickers offer them.")
class ReferenceQueryController {

    private final QueryGateway queryGateway;

    ReferenceQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/venues")
    @Operation(summary = "Every registered venue, by name",
            description = "DESK, OPERATOR or AUDITOR: operators plan programme items too. A venue of kind HOSPITAL "
                    + "makes every item held there need cost coverage (R3).")
    List<VenueView> venues() {
        return queryGateway.query(new FindVenuesQuery(), ResponseTypes.multipleInstancesOf(VenueView.class)).join();
    }

    @GetMapping("/venues/{id}")
    @Operation(summary = "One venue",
            description = "DESK, OPERATOR or AUDITOR: where the Location of a venue's registration points. An unknown "
                    + "id is 404 VENUE_NOT_FOUND; a venue registered a moment ago is shown once the view has it.")
    @ApiResponse(responseCode = "200", description = "The venue")
    @ApiResponse(responseCode = "404", description = "No such venue (VENUE_NOT_FOUND)")
    VenueView venue(@Parameter(description = "The venue id", example = "VEN-0b6c2b7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d")
                    @PathVariable String id) {
        return venues().stream().filter(venue -> venue.id().equals(id)).findFirst()
                .orElseThrow(() -> new DomainProblem(ReferenceQueryProblem.VENUE_NOT_FOUND, "No venue with id " + id
                        + "."));
    }

    @GetMapping("/partners")
    @Operation(summary = "Every registered partner, by name",
            description = "DESK, OPERATOR or AUDITOR: operators plan programme items too. A hospital partner makes "
                    + "every item it hosts need cost coverage (R3).")
    List<PartnerView> partners() {
        return queryGateway.query(new FindPartnersQuery(), ResponseTypes.multipleInstancesOf(PartnerView.class)).join();
    }

    @GetMapping("/partners/{id}")
    @Operation(summary = "One partner",
            description = "DESK, OPERATOR or AUDITOR: where the Location of a partner's registration points. An "
                    + "unknown id is 404 PARTNER_NOT_FOUND; a partner registered a moment ago is shown once the view "
                    + "has it.")
    @ApiResponse(responseCode = "200", description = "The partner")
    @ApiResponse(responseCode = "404", description = "No such partner (PARTNER_NOT_FOUND)")
    PartnerView partner(@Parameter(description = "The partner id",
                                   example = "PRT-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @PathVariable String id) {
        return partners().stream().filter(partner -> partner.id().equals(id)).findFirst()
                .orElseThrow(() -> new DomainProblem(ReferenceQueryProblem.PARTNER_NOT_FOUND, "No partner with id "
                        + id + "."));
    }
}
