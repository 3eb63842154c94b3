package dk.greatercph.ope.query.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The registered venues and partners, for the programme editor's pickers. */
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

    @GetMapping("/partners")
    @Operation(summary = "Every registered partner, by name",
            description = "DESK, OPERATOR or AUDITOR: operators plan programme items too. A hospital partner makes "
                    + "every item it hosts need cost coverage (R3).")
    List<PartnerView> partners() {
        return queryGateway.query(new FindPartnersQuery(), ResponseTypes.multipleInstancesOf(PartnerView.class)).join();
    }
}
