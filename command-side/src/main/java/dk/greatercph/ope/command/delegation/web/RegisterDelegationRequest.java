package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.delegation.DelegationProblem;
import dk.greatercph.ope.command.delegation.RegisterDelegationCommand;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.platform.input.InvalidInput;
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
 * What the desk registers about an incoming request. The country of origin defaults to China ({@code CN}), as every
 * request counted before the desk recorded countries; the date received defaults to today in Copenhagen. A request
 * from China names its province. The API and the import of the desk's earlier records read it alike.
 */
@Schema(name = "RegisterDelegationRequest", description = "An incoming delegation request as the desk receives it.")
@ProvinceNamedForChina
@RegistrationRules
public record RegisterDelegationRequest(
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
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "12", minimum = "1", maximum = "500")
        @NotNull @Min(1) @Max(500) Integer headCount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-04-12", format = "date")
        @NotNull LocalDate wishedFrom,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-04-16", format = "date")
        @NotNull LocalDate wishedTo,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"HEALTH_WELFARE_TECH\"]")
        @NotEmpty @Size(max = 8) Set<@NotNull Theme> themes,
        @Schema(example = "Study visit on welfare technology in elder care", maxLength = 4000)
        @Size(max = 4000) @MultilineText String purpose,
        @Schema(example = "Two Jiangsu companies look for Danish partners in tele-health", maxLength = 4000)
        @Size(max = 4000) @MultilineText String businessOpportunity,
        @Schema(example = "CN", pattern = "^[A-Z]{2}$", defaultValue = "CN", minLength = 2, maxLength = 2,
                description = "Country of origin, ISO 3166-1 alpha-2")
        @Size(min = 2, max = 2) String country,
        @Schema(example = "2027-01-20", format = "date",
                description = "When the request reached the desk (Europe/Copenhagen); defaults to today, never after it")
        LocalDate dateReceived) implements RequestFields {

    /** The country of origin, {@code CN} when none is given. */
    @Override
    public String countryOrDefault() {
        return country == null ? CountryCodes.CHINA : country;
    }

    /**
     * The command that registers this request as {@code id}, once bean validation has passed: the country must be
     * assigned and the date received not after today in Copenhagen ({@link InvalidInput} otherwise).
     */
    public RegisterDelegationCommand toCommand(DelegationId id) {
        String checkedCountry = CountryCodes.require("country", countryOrDefault());
        LocalDate today = LocalDate.now(OpeTime.COPENHAGEN);
        LocalDate received = dateReceived == null ? today : dateReceived;
        if (received.isAfter(today)) {
            throw new InvalidInput(DelegationProblem.DATE_RECEIVED_IN_FUTURE, "dateReceived", "is after today (" + today + ")");
        }
        if (dateReceived == null && wishedTo != null && wishedTo.isBefore(today)) {
            // the validator judges a date given; one left out is today's, and a window already past then could
            // never be served either (a mistyped year went through when the date was left out)
            throw new InvalidInput(DelegationProblem.INVALID_DATE_WINDOW, "wishedTo",
                    "ends before the request was received (today, " + today + ", as no dateReceived was given)");
        }
        return new RegisterDelegationCommand(id, channel, requestingOrganisation, place(originProvince),
                place(originCity), delegationType, politicalLevel, headCount, wishedFrom, wishedTo,
                themes.stream().sorted().toList(), purpose, businessOpportunity, checkedCountry, received);
    }

    /** A province or city as the figures count it: without surrounding spaces, and none when blank. */
    static String place(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
