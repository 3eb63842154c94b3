package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.operator.OperatorRenamedEvent;
import dk.greatercph.ope.platform.input.ReadAlike;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The operators' names in the command side's lookup tables, written with the registration and rename events. */
@Component
class JdbcOperatorNames implements OperatorNames, RebuildableLookup {

    private final JdbcClient jdbc;

    JdbcOperatorNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> otherOperatorNamed(String name, OperatorId operator) {
        String key = ReadAlike.nameKey(name);
        // under a lock on the name's key: two registrations or renames to one name at once do not both pass
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:key))")
                .param("space", "operator_name".hashCode()).param("key", key).query((rs, n) -> 0).list();
        return jdbc.sql("SELECT operator_id FROM operator_name WHERE name_key = :key AND operator_id <> :except"
                        + " ORDER BY 1 LIMIT 1")
                .param("key", key).param("except", operator.value()).query(String.class).optional();
    }

    @Override
    public void name(OperatorId operator, String name) {
        jdbc.sql("""
                        INSERT INTO operator_name (operator_id, name_key) VALUES (:id, :key)
                        ON CONFLICT (operator_id) DO UPDATE SET name_key = EXCLUDED.name_key""")
                .param("id", operator.value()).param("key", ReadAlike.nameKey(name)).update();
    }

    @Override
    public List<String> tables() {
        return List.of("operator_name");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM operator_name").update();
        return (payload, at) -> {
            if (payload instanceof OperatorRegisteredEvent registered) {
                name(registered.operatorId(), registered.name());
            } else if (payload instanceof OperatorRenamedEvent renamed) {
                name(renamed.operatorId(), renamed.name());
            }
        };
    }
}
