package dk.greatercph.ope.command.routing;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.operator.OperatorThemesChangedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routing table in the command side's lookup tables, versioned under a lock so versions never repeat; each
 * version is recorded at the time of the event that names it, to the millisecond as the event store keeps it, so a
 * rebuild from the events writes the same rows.
 */
@Component
class JdbcRoutingTable implements RoutingTable, RebuildableLookup {

    /** Serialises version numbering across processes ("ROUTING" in ASCII). */
    private static final long VERSION_LOCK = 0x524F5554494E47L;

    private final JdbcClient jdbc;

    JdbcRoutingTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long record(OperatorId operator, List<Theme> themes) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", VERSION_LOCK).query((rs, n) -> 0).list();
        long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM routing_version")
                .query(Long.class).single();
        String[] names = themes.stream().map(Theme::name).toArray(String[]::new);
        jdbc.sql("INSERT INTO routing_version (version, operator_id, themes) VALUES (:version, :operator, :themes)")
                .param("version", version).param("operator", operator.value()).param("themes", names).update();
        jdbc.sql("""
                        INSERT INTO routing_rule (operator_id, themes) VALUES (:operator, :themes)
                        ON CONFLICT (operator_id) DO UPDATE SET themes = EXCLUDED.themes
                        """)
                .param("operator", operator.value()).param("themes", names).update();
        return version;
    }

    @Override
    public void recordedAt(long version, Instant at) {
        jdbc.sql("UPDATE routing_version SET recorded_at = :at WHERE version = :version")
                .param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS))).param("version", version).update();
    }

    @Override
    public List<String> tables() {
        return List.of("routing_rule", "routing_version");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM routing_version").update();
        jdbc.sql("DELETE FROM routing_rule").update();
        return (payload, at) -> {
            if (payload instanceof OperatorRegisteredEvent registered) {
                write(registered.routingVersion(), registered.operatorId(), registered.themes(), at);
            } else if (payload instanceof OperatorThemesChangedEvent changed) {
                write(changed.routingVersion(), changed.operatorId(), changed.themes(), at);
            }
        };
    }

    private void write(long version, OperatorId operator, List<Theme> themes, Instant at) {
        String[] names = themes.stream().map(Theme::name).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO routing_version (version, operator_id, themes, recorded_at)
                        VALUES (:version, :operator, :themes, :at)
                        """)
                .param("version", version).param("operator", operator.value()).param("themes", names)
                .param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS))).update();
        jdbc.sql("""
                        INSERT INTO routing_rule (operator_id, themes) VALUES (:operator, :themes)
                        ON CONFLICT (operator_id) DO UPDATE SET themes = EXCLUDED.themes
                        """)
                .param("operator", operator.value()).param("themes", names).update();
    }

    @Override
    public Snapshot current() {
        long version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM routing_version").query(Long.class).single();
        Map<OperatorId, List<Theme>> rules = new LinkedHashMap<>();
        jdbc.sql("SELECT operator_id, themes FROM routing_rule ORDER BY operator_id").query(rs -> {
            rules.put(new OperatorId(rs.getString("operator_id")),
                    Arrays.stream((String[]) rs.getArray("themes").getArray()).map(Theme::valueOf).toList());
        });
        return new Snapshot(version, rules);
    }
}
