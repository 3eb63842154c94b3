package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.person.PersonNames;
import dk.greatercph.ope.command.person.PersonProblem;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.problem.DomainProblem;

import java.util.HashMap;
import java.util.Map;

/** {@link PersonNames} in a map, for aggregate tests; the application's lookup is tested through HTTP. */
public class InMemoryPersonNames implements PersonNames {

    private final Map<PersonId, String> names = new HashMap<>();

    @Override
    public void requireOneName(PersonId person, String name, String field) {
        String held = names.putIfAbsent(person, PersonNames.comparable(name));
        if (held != null && !held.equals(PersonNames.comparable(name))) {
            throw new DomainProblem(PersonProblem.PERSON_NAME_MISMATCH, field, "another name");
        }
    }

    @Override
    public void forget(PersonId person) {
        names.remove(person);
    }
}
