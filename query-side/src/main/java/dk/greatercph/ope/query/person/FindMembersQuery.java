package dk.greatercph.ope.query.person;

/** The members of one delegation, personal fields opened (or shown as erased). */
public record FindMembersQuery(String delegationId) {
}
