package dk.greatercph.ope.command.person;

import dk.greatercph.ope.events.person.PersonalDataErasedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/**
 * Destroys a person's data key and records that it did, in one transaction: from then on every sealed field
 * of the person reads as erased, in every view, export and replay, while the log itself stays intact.
 */
@Component
class PersonalDataEraser {

    private final PersonalData personalData;
    private final EventBus eventBus;
    private final PersonNames personNames;

    PersonalDataEraser(PersonalData personalData, EventBus eventBus, PersonNames personNames) {
        this.personalData = personalData;
        this.eventBus = eventBus;
        this.personNames = personNames;
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        if (command.legalBasis() == null || command.legalBasis().isBlank()) {
            throw new DomainProblem(PersonProblem.LEGAL_BASIS_REQUIRED, "legalBasis", "An erasure states its legal basis.");
        }
        if (!personalData.isKnown(command.personId())) {
            throw new DomainProblem(PersonProblem.PERSON_NOT_FOUND, "No personal data is held about "
                    + command.personId() + ".");
        }
        if (personalData.isErased(command.personId())) {
            throw new DomainProblem(PersonProblem.ALREADY_ERASED, "This person's data was already erased.");
        }
        personalData.erase(command.personId());
        personNames.forget(command.personId());
        eventBus.publish(GenericEventMessage.asEventMessage(
                new PersonalDataErasedEvent(command.personId(), command.legalBasis().trim())));
    }
}
