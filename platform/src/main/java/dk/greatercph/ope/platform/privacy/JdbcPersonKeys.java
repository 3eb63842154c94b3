package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/** Data keys in their own table, {@code person_key}; erasure sets the key to NULL. */
class JdbcPersonKeys implements PersonKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    /** Without a transaction manager every statement commits on its own, and so does a new key. */
    JdbcPersonKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = transactionManager == null ? null : new TransactionTemplate(transactionManager);
        if (ownTransaction != null) {
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    @Override
    public byte[] keyFor(PersonId person) {
        insertIfAbsent(person);
        return existingKey(person).orElseThrow(() -> new DomainProblem(PrivacyProblem.PERSON_ERASED,
                "This person's data was erased; record them again under a new person id."));
    }

    /**
     * First asks in the caller's transaction, which sees its own writes: a key or an erasure it holds uncommitted
     * is used as it is (creating the key in another transaction would wait for this one, on this very thread, for
     * ever). One statement tells a key from an erasure from no row at all, so that a key another reader commits
     * in between is never taken for an erasure. Only a person without any row gets a key, inserted and committed
     * in a transaction of its own; when several readers race, the first key committed is the one all of them use.
     */
    @Override
    public Optional<byte[]> committedKeyFor(PersonId person) {
        List<byte[]> row = jdbc.sql("SELECT data_key FROM person_key WHERE person_id = :id")
                .param("id", person.value()).query((rs, n) -> rs.getBytes("data_key")).list();
        if (!row.isEmpty()) {
            return Optional.ofNullable(row.get(0));
        }
        if (ownTransaction == null) {
            insertIfAbsent(person);
            return existingKey(person);
        }
        return ownTransaction.execute(status -> {
            insertIfAbsent(person);
            return existingKey(person);
        });
    }

    private void insertIfAbsent(PersonId person) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO person_key (person_id, data_key) VALUES (:id, :key) ON CONFLICT (person_id) DO NOTHING")
                .param("id", person.value()).param("key", fresh).update();
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
