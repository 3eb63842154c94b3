package dk.greatercph.ope.query.escalation;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the escalation list, most overdue first, with the cursor for the next page. */
@Schema(name = "EscalationPage")
public record EscalationPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EscalationView> items,
        @Schema(description = "Pass as ?after= for the next page; absent on the last page.", example = "ZXNjYWxhdGlvbjo")
        String next) {
}
