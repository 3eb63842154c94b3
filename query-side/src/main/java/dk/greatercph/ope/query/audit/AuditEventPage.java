package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the global event log in order, with the cursor for the next page. */
@Schema(name = "AuditEventPage")
public record AuditEventPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<AuditEventView> items,
        @Schema(description = "Pass as ?after= for the next page; absent when there is nothing more yet.",
                example = "42")
        String next) {
}
