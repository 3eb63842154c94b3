package dk.greatercph.ope.command.person;

import dk.greatercph.ope.events.person.PersonId;

/** Erase a data subject's personal data, on a stated legal basis. */
public record ErasePersonalDataCommand(PersonId personId, String legalBasis) {
}
