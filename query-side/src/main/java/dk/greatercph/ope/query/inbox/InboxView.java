package dk.greatercph.ope.query.inbox;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * An operator's assignments, or one page of them: open ones first (offered, then escalated) by due time, then the
 * answered ones, the latest change first; the counts are of the whole inbox.
 */
@Schema(name = "Inbox")
public record InboxView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many assignments are in each state")
        Map<AssignmentState, Long> countsByState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InboxEntryView> entries,
        @Schema(description = "The cursor of the next page (?after=), when more entries follow",
                example = "aW5ib3g6MHwyMDI3LTA0LTAxVDA4OjAwOjAwWnwxMjM0fERFTC0x")
        String next) {
}
