package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One delegation as the desk's board shows it. */
@Schema(name = "Delegation", description = "One delegation request as the desk's board shows it.")
public record DelegationView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
        String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DelegationStatus status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Channel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission")
        String requestingOrganisation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CN",
                description = "Country of origin, ISO 3166-1 alpha-2") String country,
        @Schema(example = "Jiangsu", description = "Province of origin; may be absent outside China") String originProvince,
        @Schema(example = "Nanjing", description = "City of origin; may be absent") String originCity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DelegationType delegationType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Public, private, academic or other, as the Region's reports split delegations; follows "
                        + "from delegationType") DelegationType.Sector sector,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PoliticalLevel politicalLevel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12") int headCount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-04-12") LocalDate wishedFrom,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-04-16") LocalDate wishedTo,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2027-01-20",
                description = "When the request reached the desk; can be before its registration")
        LocalDate dateReceived,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The requested themes and those of approved scope expansions (R4).")
        List<Theme> themes,
        String purpose,
        String businessOpportunity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant registeredAt,
        @Schema(example = "desk") String registeredBy,
        @Schema(description = "The lead operator of the latest routing; absent before routing.", example = "chc")
        String leadOperator,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Supporting operators of the latest routing.")
        List<String> supportingOperators,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "R8: the same organisation asked for overlapping themes within 24 months.")
        boolean repeatRequest,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Recorded by an import of the desk's earlier records (POST /api/imports), not registered "
                        + "at the desk as it arrived.")
        boolean imported,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0",
                description = "The aggregate version this view reflects; send it as If-Match on commands.")
        long version) {
}
