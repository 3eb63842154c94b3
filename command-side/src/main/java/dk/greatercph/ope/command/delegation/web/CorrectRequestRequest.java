package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.delegation.CorrectRequestCommand;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.input.MultilineText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/**
 * The registered request as it should read, and why: every field of the registration but the business opportunity
 * (its own command). Unlike a registration nothing defaults: a correction that left out the country or the date
 * received would otherwise change them.
 */
@Schema(name = "CorrectRequestRequest", description = "The request's fields as they should read, with the reason.")
@ProvinceNamedForChina
@RegistrationRules
public record CorrectRequestRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EMBASSY")
        @NotNull Channel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Jiangsu Provincial Health Commission", maxLength = 200)
        @NotBlank @Size(max = 200) String requestingOrganisation,
        @Schema(example = "Jiangsu", maxLength = 100,
                description = "Province or region of origin; required when the country is CN")
        @Size(max = 100) String originProvince,
        @Schema(example = "Nanjing", maxLength = 100)
        @Size(max = 100) String originCity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ADMINISTRATIVE")
        @NotNull DelegationType delegationType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PROVINCIAL")
        @NotNull PoliticalLevel politicalLevel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "14", minimum = "1", maximum = "500")
        @NotNull @Min(1) @Max(500) Integer headCount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-04-12", format = "date")
        @NotNull LocalDate wishedFrom,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-04-16", format = "date")
        @NotNull LocalDate wishedTo,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"HEALTH_WELFARE_TECH\"]")
        @NotEmpty @Size(max = 8) Set<@NotNull Theme> themes,
        @Schema(example = "Study visit on welfare technology in elder care", maxLength = 4000)
        @Size(max = 4000) @MultilineText String purpose,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "CN", pattern = "^[A-Z]{2}$", minLength = 2,
                maxLength = 2, description = "Country of origin, ISO 3166-1 alpha-2")
        @NotNull @Size(min = 2, max = 2) String country,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-01-20", format = "date",
                description = "When the request reached the desk (Europe/Copenhagen), never after today")
        @NotNull LocalDate dateReceived,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The embassy wrote that two more will come",
                maxLength = 2000)
        @NotBlank @Size(max = 2000) @MultilineText String reason) implements RequestFields {

    @Override
    public String countryOrDefault() {
        return country == null ? CountryCodes.CHINA : country;
    }

    /** The command correcting delegation {@code id} at {@code expectedVersion} (none: unconditional). */
    CorrectRequestCommand toCommand(DelegationId id, Long expectedVersion) {
        return new CorrectRequestCommand(id, channel, requestingOrganisation, RegisterDelegationRequest.place(originProvince),
                RegisterDelegationRequest.place(originCity), delegationType, politicalLevel, headCount, wishedFrom,
                wishedTo, themes.stream().sorted().toList(), purpose, country, dateReceived, reason, expectedVersion);
    }
}
