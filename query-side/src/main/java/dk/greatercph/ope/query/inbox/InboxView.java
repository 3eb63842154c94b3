package dk.greatercph.ope.query.inbox;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** An operator's assignments: open ones first (offered, escalated), then by due time. */
@Schema(name = "Inbox")
public record InboxView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many assignments are in each state")
        Map<AssignmentState, Long> countsByState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InboxEntryView> entries) {
}
