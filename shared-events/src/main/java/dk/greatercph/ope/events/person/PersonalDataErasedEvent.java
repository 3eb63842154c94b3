package dk.greatercph.ope.events.person;

import org.axonframework.serialization.Revision;

/**
 * A data subject's personal data was erased (R9): the data key was destroyed, so every sealed field of this
 * person reads as erased from now on, in every view and every replay. Who ordered it is in the metadata.
 */
@Revision("1")
public record PersonalDataErasedEvent(PersonId personId, String legalBasis) {
}
