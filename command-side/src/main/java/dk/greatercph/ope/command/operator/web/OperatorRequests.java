package dk.greatercph.ope.command.operator.web;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** Request bodies of the operator commands. */
final class OperatorRequests {

    /**
     * An operator's code: its id, and the owner of its notification settings, where {@code desk} is the desk's own.
     * An operator registered as {@code desk} shared the desk's settings, so the desk's recipients received its
     * offers; {@code system}, {@code admin}, {@code auditor} and {@code anonymous} would pass for the system's actors
     * and roles in the audit log.
     */
    static final String CODE = "(?!(desk|system|admin|auditor|anonymous)$)[a-z][a-z0-9-]{1,31}";

    private OperatorRequests() {
    }

    @Schema(name = "RegisterOperatorRequest")
    record Register(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "invest-dk", pattern = CODE,
                    description = "The operator's short code, used as its id. Not desk, system, admin, auditor or "
                            + "anonymous: those name the desk (whose notification settings are its own) and the "
                            + "system's actors")
            @NotBlank @Pattern(regexp = CODE, message = "is not a free operator code: 2–32 of a-z, 0-9 and '-', "
                    + "starting with a letter, and not desk, system, admin, auditor or anonymous") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Invest in Denmark", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"INVESTMENT\"]")
            @NotEmpty Set<@NotNull Theme> themes) {
    }

    @Schema(name = "RenameOperatorRequest")
    record Rename(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Region Hovedstadens administration",
                    maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Named in Danish, as the region names itself",
                    maxLength = 2000)
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ChangeOperatorThemesRequest")
    record Themes(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"GREEN_GROWTH\", \"AUTHORITY_SOIL_WATER\"]")
            @NotEmpty Set<@NotNull Theme> themes) {
    }

    @Schema(name = "KpiTargetsRequest")
    record KpiTargets(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Size(max = 20) List<@Valid @NotNull Target> targets) {
    }

    @Schema(name = "KpiTarget")
    record Target(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DELEGATIONS_HANDLED") @NotNull KpiKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "40", minimum = "0")
            @NotNull @Min(0) @Max(1_000_000_000) Long target) {
    }
}
