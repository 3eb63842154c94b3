package dk.greatercph.ope.query.schedule;

import io.swagger.v3.oas.annotations.media.Schema;

/** R6: two live programme items that book the same venue or the same host at overlapping times. */
@Schema(name = "ScheduleConflict")
public record ScheduleConflictView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"VENUE", "HOST"}) String resource,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The double-booked venue or host")
        ScheduleEntryView.Place booked,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ScheduleEntryView first,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ScheduleEntryView second) {
}
