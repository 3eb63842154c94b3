package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.util.Optional;

/** Data keys in their own table, {@code person_key}; erasure sets the key to NULL. */
class JdbcPersonKeys implements PersonKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    JdbcPersonKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] keyFor(PersonId person) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO person_key (person_id, data_key) VALUES (:id, :key) ON CONFLICT (person_id) DO NOTHING")
                .param("id", person.value()).param("key", fresh).update();
        return existingKey(person).orElseThrow(() -> new DomainProblem("PERSON_ERASED", ProblemKind.CONFLICT,
                "This person's data was erased; record them again under a new person id."));
    }

    @Override
    public Optional<byte[]> existingKey(PersonId person) {
        return jdbc.sql("SELECT data_key FROM person_key WHERE person_id = :id AND data_key IS NOT NULL")
                .param("id", person.value()).query(byte[].class).optional();
    }

    @Override
    public boolean isKnown(PersonId person) {
        return jdbc.sql("SELECT count(*) FROM person_key WHERE person_id = :id")
                .param("id", person.value()).query(Long.class).single() > 0;
    }

    @Override
    public boolean isErased(PersonId person) {
        return jdbc.sql("SELECT count(*) FROM person_key WHERE person_id = :id AND data_key IS NULL")
                .param("id", person.value()).query(Long.class).single() > 0;
    }

    @Override
    public void destroy(PersonId person) {
        jdbc.sql("UPDATE person_key SET data_key = NULL, erased_at = now() WHERE person_id = :id AND data_key IS NOT NULL")
                .param("id", person.value()).update();
    }
}
