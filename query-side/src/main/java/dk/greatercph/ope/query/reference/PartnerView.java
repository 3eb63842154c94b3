package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.events.reference.PartnerKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** A partner as a picker offers it: its kind and whether it hosts as a hospital (R3). */
@Schema(name = "Partner", description = "A registered partner that can host programme items.")
public record PartnerView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PRT-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Rigshospitalet") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HOSPITAL") PartnerKind kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Every item it hosts needs cost coverage before confirmation (R3)")
        boolean hospital,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0", minimum = "0",
                description = "0 as registered; each correction adds one (the If-Match of the next)")
        long version) {
}
