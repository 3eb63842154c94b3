package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.person.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add a member (or the contact) of the delegation; the personal fields arrive clear and are sealed here. */
public record AddMemberCommand(@TargetAggregateIdentifier DelegationId delegationId, String memberId, PersonId personId,
                               String name, String title, String email, String phone, String organisation,
                               boolean contact, @TargetAggregateVersion Long expectedVersion) {

    @Override
    public String toString() {
        return "AddMemberCommand[" + delegationId + ", " + memberId + ", " + personId + "]";
    }
}
