package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.query.delegation.DelegationStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import dk.greatercph.ope.events.delegation.Theme;

import java.time.LocalDate;
import java.util.List;
import java.time.OffsetDateTime;

/**
 * One assignment in an operator's inbox, times in Europe/Copenhagen. A live update built from a single event leaves
 * out what that event does not tell (e.g. the organisation); the inbox itself always has every field.
 */
@Schema(name = "InboxEntry")
public record InboxEntryView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
        String delegationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chc") String operatorId,
        @Schema(example = "Jiangsu Provincial Health Commission") String requestingOrganisation,
        @Schema(format = "date", example = "2027-04-12") LocalDate wishedFrom,
        @Schema(format = "date", example = "2027-04-16") LocalDate wishedTo,
        AssignmentRole role,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AssignmentState state,
        @Schema(format = "date-time", example = "2027-03-01T09:00:00+01:00") OffsetDateTime offeredAt,
        @Schema(format = "date-time", example = "2027-03-04T09:00:00+01:00", description = "Answer by then (R5)")
        OffsetDateTime dueAt,
        @Schema(format = "date-time") OffsetDateTime answeredAt,
        @Schema(description = "Why the operator declined") String reason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Offered or escalated and past its due time, as of the answer")
        boolean overdue,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1234",
                description = "Global event position of the assignment's latest change (the SSE event id)")
        long position,
        @Schema(description = "The delegation's status: an accepted assignment of a delegation since withdrawn, "
                + "cancelled or completed says so. Left out of a live update.")
        DelegationStatus delegationStatus,
        @Schema(description = "The delegation's themes. Left out of a live update.") List<Theme> themes,
        @Schema(description = "How many travel. Left out of a live update.", example = "12") Integer headCount,
        @Schema(description = "Whether the request repeats an earlier one of the same organisation on overlapping "
                + "themes within 24 months (R8). Left out of a live update.") Boolean repeatRequest) {
}
