package dk.greatercph.ope.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of dead letters, oldest first, and where the next page starts. */
@Schema(name = "DeadLetterPage")
public record DeadLetterPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DeadLetterView> items,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3",
                description = "How many dead letters match the filter in all")
        long total,
        @Schema(example = "50", description = "The offset of the next page; absent on the last page")
        Long next) {
}
