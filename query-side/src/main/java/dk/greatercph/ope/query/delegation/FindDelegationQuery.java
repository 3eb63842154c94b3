package dk.greatercph.ope.query.delegation;

/** Find one delegation by id. */
public record FindDelegationQuery(String delegationId) {
}
