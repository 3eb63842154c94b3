package dk.greatercph.ope.query.reference;

import io.swagger.v3.oas.annotations.media.Schema;

/** A venue as a picker offers it: where, how many it seats, and whether it is a hospital (R3). */
@Schema(name = "Venue", description = "A registered venue where programme items take place.")
public record VenueView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VEN-0b6c2b7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Regionsgården, Hillerød") String name,
        @Schema(example = "Kongens Vænge 2, 3400 Hillerød") String address,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "40", minimum = "1") int capacity,
        @Schema(example = "HOSPITAL", allowableValues = {"HOSPITAL", "MUNICIPALITY", "COMPANY", "UNIVERSITY", "OTHER"},
                description = "What kind of place it is; absent for a venue projected before kinds were kept, until "
                        + "the reference-names projection is replayed")
        String kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Every item held here needs cost coverage before confirmation (R3)")
        boolean hospital,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0", minimum = "0",
                description = "0 as registered; each correction adds one (the If-Match of the next)")
        long version) {
}
