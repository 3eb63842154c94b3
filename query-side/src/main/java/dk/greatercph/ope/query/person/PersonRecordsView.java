package dk.greatercph.ope.query.person;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Where a data subject's personal data is held, without any of it: what an administrator, who erases but may not read
 * personal data, confirms before an erasure and reads after one.
 */
@Schema(name = "PersonRecords", description = "Where a person's data is held, without the data itself.")
public record PersonRecordsView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a")
        String personId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "True once the person's data was erased")
        boolean erased,
        @Schema(description = "When, by whom and on what legal basis the data was erased; absent while it is held")
        PersonView.Erasure erasure,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Record> records) {

    /** One place the person appears, by its ids. */
    @Schema(name = "PersonRecord")
    public record Record(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"DELEGATION_MEMBER", "TRIP_PARTICIPANT", "TRIP_LEADER"})
            String sourceType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            String sourceId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Removed from the delegation or trip since")
            boolean removed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant recordedAt) {
    }

    /** The records of {@code person}, its data left out. */
    static PersonRecordsView of(PersonView person) {
        return new PersonRecordsView(person.personId(), person.erased(), person.erasure(), person.appearances().stream()
                .map(a -> new Record(a.sourceType(), a.sourceId(), a.removed(), a.recordedAt())).toList());
    }
}
