package dk.greatercph.ope.query.person;

import io.swagger.v3.oas.annotations.media.Schema;

/** A delegation member as the desk sees it; personal fields read "[erased]" (or are absent) after an erasure. */
@Schema(name = "DelegationMember")
public record MemberView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MEM-5d0c7b1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e") String memberId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a") String personId,
        @Schema(example = "Li Wei") String name,
        String title,
        String email,
        String phone,
        String organisation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean contact,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean erased) {

    /** What a supporting operator reads: who the member is and in what role, not how to reach them. */
    MemberView namesAndTitlesOnly() {
        return new MemberView(memberId, personId, name, title, null, null, organisation, contact, erased);
    }
}
