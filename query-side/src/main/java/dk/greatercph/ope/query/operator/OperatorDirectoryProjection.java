package dk.greatercph.ope.query.operator;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiTargetsAgreedEvent;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.operator.OperatorRenamedEvent;
import dk.greatercph.ope.events.operator.OperatorThemesChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** Projects operator events into the operator directory and the KPI targets. */
@Component
@ProcessingGroup("operator-directory")
class OperatorDirectoryProjection {

    private static final RowMapper<OperatorView> OPERATOR = (rs, n) -> new OperatorView(rs.getString("operator_id"),
            rs.getString("name"), Arrays.stream((String[]) rs.getArray("themes").getArray()).map(Theme::valueOf).toList(),
            rs.getLong("routing_version"), rs.getLong("version"));

    private final JdbcClient jdbc;

    OperatorDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OperatorRegisteredEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO operator_view (operator_id, name, themes, routing_version, version)
                        VALUES (:id, :name, :themes, :routing, :version)
                        ON CONFLICT (operator_id) DO UPDATE SET name = EXCLUDED.name, themes = EXCLUDED.themes,
                            routing_version = EXCLUDED.routing_version, version = EXCLUDED.version
                        """)
                .param("id", event.operatorId().value()).param("name", event.name())
                .param("themes", names(event.themes())).param("routing", event.routingVersion())
                .param("version", version).update();
    }

    @EventHandler
    void on(OperatorRenamedEvent event, @SequenceNumber long version) {
        jdbc.sql("UPDATE operator_view SET name = :name, version = :version WHERE operator_id = :id AND version < :version")
                .param("id", event.operatorId().value()).param("name", event.name()).param("version", version)
                .update();
    }

    @EventHandler
    void on(OperatorThemesChangedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE operator_view SET themes = :themes, routing_version = :routing, version = :version
                        WHERE operator_id = :id
                        """)
                .param("id", event.operatorId().value()).param("themes", names(event.themes()))
                .param("routing", event.routingVersion()).param("version", version).update();
    }

    @EventHandler
    void on(KpiTargetsAgreedEvent event, @SequenceNumber long version) {
        jdbc.sql("DELETE FROM kpi_target WHERE operator_id = :id AND year = :year")
                .param("id", event.operatorId().value()).param("year", event.year()).update();
        for (var target : event.targets()) {
            jdbc.sql("INSERT INTO kpi_target (operator_id, year, kind, target) VALUES (:id, :year, :kind, :target)")
                    .param("id", event.operatorId().value()).param("year", event.year())
                    .param("kind", target.kind().name()).param("target", target.target()).update();
        }
        jdbc.sql("UPDATE operator_view SET version = :version WHERE operator_id = :id")
                .param("id", event.operatorId().value()).param("version", version).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM kpi_target").update();
        jdbc.sql("DELETE FROM operator_view").update();
    }

    @QueryHandler
    List<OperatorView> handle(FindOperatorsQuery query) {
        return jdbc.sql("""
                        SELECT * FROM operator_view WHERE CAST(:after AS TEXT) IS NULL OR operator_id > :after
                        ORDER BY operator_id LIMIT :limit""")
                .param("after", query.after()).param("limit", query.limit()).query(OPERATOR).list();
    }

    /** None or one: the operator with the code. */
    @QueryHandler
    List<OperatorView> handle(FindOperatorQuery query) {
        return jdbc.sql("SELECT * FROM operator_view WHERE operator_id = :id").param("id", query.id())
                .query(OPERATOR).list();
    }

    private static String[] names(List<Theme> themes) {
        return themes.stream().map(Theme::name).toArray(String[]::new);
    }
}
