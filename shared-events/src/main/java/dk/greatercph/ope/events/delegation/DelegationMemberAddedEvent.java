package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import org.axonframework.serialization.Revision;

/**
 * A person travels with the delegation (or is its contact). Name, title, e-mail and phone are personal data
 * and sealed with the person's key; the organisation and the flags are not.
 */
@Revision("1")
public record DelegationMemberAddedEvent(
        DelegationId delegationId,
        String memberId,
        PersonId personId,
        SealedText name,
        SealedText title,
        SealedText email,
        SealedText phone,
        String organisation,
        boolean contact) {
}
