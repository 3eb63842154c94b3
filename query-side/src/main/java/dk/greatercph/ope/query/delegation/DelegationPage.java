package dk.greatercph.ope.query.delegation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the desk's board, newest first, with the cursor for the next page. */
@Schema(name = "DelegationPage")
public record DelegationPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DelegationView> items,
        @Schema(description = "Pass as ?after= for the next page; absent on the last page.", example = "MTIz")
        String next) {
}
