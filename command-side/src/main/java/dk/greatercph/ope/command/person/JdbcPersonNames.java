package dk.greatercph.ope.command.person;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.delegation.DelegationMemberAddedEvent;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.List;

/**
 * One person id, one name, in the command side's lookup {@code person_name}. A person is recorded under the name first given (a member, a trip's leader, a
 * participant); naming the person's id again with another name is refused. Before, one id collected the names of
 * four people: right of access showed each of them the others, and erasing "one" erased all. Names are compared as
 * people read them: case, surrounding and repeated spaces and Unicode forms aside. The table holds only a fingerprint
 * keyed by the person's own data key ({@link PersonalData#fingerprint}), which tells nothing once the person is erased.
 */
@Component
class JdbcPersonNames implements PersonNames, RebuildableLookup {

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    JdbcPersonNames(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    @Override
    public void requireOneName(PersonId person, String name, String field) {
        byte[] given = personalData.fingerprint(person, PersonNames.comparable(name));
        if (!MessageDigest.isEqual(claim(person, given), given)) {
            throw new DomainProblem(PersonProblem.PERSON_NAME_MISMATCH, field,
                    "is not the name recorded for this person id; one person has one name. Leave the person id out "
                            + "to record another person.");
        }
    }

    /** The fingerprint held for the person: the given one if the person had none (a concurrent first one wins). */
    private byte[] claim(PersonId person, byte[] fingerprint) {
        jdbc.sql("INSERT INTO person_name (person_id, fingerprint) VALUES (:id, :fingerprint) "
                        + "ON CONFLICT (person_id) DO NOTHING")
                .param("id", person.value()).param("fingerprint", fingerprint).update();
        return jdbc.sql("SELECT fingerprint FROM person_name WHERE person_id = :id")
                .param("id", person.value()).query(byte[].class).single();
    }

    @Override
    public void forget(PersonId person) {
        jdbc.sql("DELETE FROM person_name WHERE person_id = :id").param("id", person.value()).update();
    }

    @Override
    public List<String> tables() {
        return List.of("person_name");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM person_name").update();
        return (payload, at) -> {
            if (payload instanceof DelegationMemberAddedEvent added) {
                recorded(added.name());
            } else if (payload instanceof TripPlannedEvent planned) {
                recorded(planned.leader());
            } else if (payload instanceof ParticipantAddedEvent added) {
                recorded(added.name());
            }
        };
    }

    /** The first name an erased person's fields no longer give is no name: nothing is recorded for them. */
    private void recorded(SealedText name) {
        if (name == null || personalData.isErased(name.personId())) {
            return;
        }
        personalData.open(name).ifPresent(clear ->
                claim(name.personId(), personalData.fingerprint(name.personId(), PersonNames.comparable(clear))));
    }
}
