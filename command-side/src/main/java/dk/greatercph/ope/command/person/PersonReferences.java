package dk.greatercph.ope.command.person;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.PrivacyProblem;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.springframework.stereotype.Component;

/**
 * Person ids are issued by the system. A client may name one only to link a person the system already holds;
 * the request's format check (a 400 naming the field) has run before this.
 */
@Component
public class PersonReferences {

    private final PersonalData personalData;

    PersonReferences(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** A new person for no reference, the referred person if the system knows it, else 422 UNKNOWN_PERSON. */
    public PersonId newOrExisting(String field, String reference) {
        if (reference == null) {
            return PersonId.newId();
        }
        PersonId person = new PersonId(reference);
        if (!personalData.isKnown(person)) {
            throw new DomainProblem(PersonProblem.UNKNOWN_PERSON, field,
                    "Field '" + field + "' names no person held here; leave it out to record a new person.");
        }
        if (personalData.isErased(person)) {
            // named as the unknown id is, so that a form can mark the field: it was refused deeper, naming none
            throw new DomainProblem(PrivacyProblem.PERSON_ERASED, field,
                    "Field '" + field + "' names a person whose data was erased; leave it out to record a new person.");
        }
        return person;
    }
}
