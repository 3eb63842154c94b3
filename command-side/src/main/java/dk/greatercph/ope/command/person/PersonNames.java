package dk.greatercph.ope.command.person;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.input.ReadAlike;

/**
 * One person id, one name. A person is recorded under the name first given (a member, a trip's leader, a
 * participant); naming the person's id again with another name is refused. Before, one id collected the names of
 * four people: right of access showed each of them the others, and erasing "one" erased all.
 */
public interface PersonNames {

    /**
     * Records {@code name} as the person's if the person has none yet, in the caller's transaction; refuses it with
     * 400 {@code PERSON_NAME_MISMATCH} naming {@code field} when the person was recorded with another.
     */
    void requireOneName(PersonId person, String name, String field);

    /** Forgets the person's name once the person's data is erased. */
    void forget(PersonId person);

    /** A name as people compare names: case, surrounding and repeated spaces and Unicode forms aside. */
    static String comparable(String name) {
        return ReadAlike.key(name);
    }
}
