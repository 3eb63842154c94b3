package dk.greatercph.ope.query.person;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Everything held about one data subject, for the desk to hand over (right of access). */
@Schema(name = "Person")
public record PersonView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a") String personId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True once the person's data was erased")
        boolean erased,
        @Schema(description = "When, by whom and on what legal basis the data was erased; absent while it is held")
        Erasure erasure,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Appearance> appearances) {

    /** The record of an erasure (rule R9): the data is gone, the fact that it was erased is kept. */
    @Schema(name = "PersonErasure")
    public record Erasure(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time", example = "2027-03-02T09:15:00Z")
            Instant erasedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "admin", description = "The user who erased it")
            String erasedBy,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "GDPR art. 17, request of 2027-02-28")
            String legalBasis) {
    }

    /** One place the person appears: a delegation's member list, a trip's participants or a trip's lead. */
    @Schema(name = "PersonAppearance")
    public record Appearance(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"DELEGATION_MEMBER", "TRIP_PARTICIPANT", "TRIP_LEADER"})
            String sourceType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21") String sourceId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MEM-5d0c7b1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e") String entryId,
            @Schema(example = "Li Wei", description = "\"[erased]\" after an erasure") String name,
            String title,
            String email,
            String phone,
            String organisation,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean contact,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Removed from the delegation or trip since")
            boolean removed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant recordedAt) {
    }
}
