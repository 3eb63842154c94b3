package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Projects delegation events into the desk's board and answers queries about it. */
@Component
@ProcessingGroup(DelegationBoardProjection.NAME)
class DelegationBoardProjection {

    static final String NAME = "delegation-board";

    private final JdbcClient jdbc;

    DelegationBoardProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version,
            TrackingToken token, MetaData metaData) {
        jdbc.sql("""
                        INSERT INTO delegation_board (delegation_id, board_position, status, channel,
                            requesting_organisation, origin_province, origin_city, delegation_type, political_level,
                            head_count, wished_from, wished_to, themes, purpose, business_opportunity,
                            registered_at, registered_by, version, updated_at)
                        VALUES (:id, :position, 'REQUESTED', :channel, :organisation, :province, :city, :type,
                            :level, :headCount, :wishedFrom, :wishedTo, :themes, :purpose, :opportunity, :at,
                            :actor, :version, :at)
                        ON CONFLICT (delegation_id) DO UPDATE SET
                            board_position = EXCLUDED.board_position, status = EXCLUDED.status,
                            channel = EXCLUDED.channel, requesting_organisation = EXCLUDED.requesting_organisation,
                            origin_province = EXCLUDED.origin_province, origin_city = EXCLUDED.origin_city,
                            delegation_type = EXCLUDED.delegation_type, political_level = EXCLUDED.political_level,
                            head_count = EXCLUDED.head_count, wished_from = EXCLUDED.wished_from,
                            wished_to = EXCLUDED.wished_to, themes = EXCLUDED.themes, purpose = EXCLUDED.purpose,
                            business_opportunity = EXCLUDED.business_opportunity,
                            registered_at = EXCLUDED.registered_at, registered_by = EXCLUDED.registered_by,
                            version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        """)
                .param("id", event.delegationId().value())
                .param("position", token.position().orElseThrow())
                .param("channel", event.channel().name())
                .param("organisation", event.requestingOrganisation())
                .param("province", event.originProvince())
                .param("city", event.originCity())
                .param("type", event.delegationType().name())
                .param("level", event.politicalLevel().name())
                .param("headCount", event.headCount())
                .param("wishedFrom", event.wishedFrom())
                .param("wishedTo", event.wishedTo())
                .param("themes", event.themes().stream().map(Theme::name).toArray(String[]::new))
                .param("purpose", event.purpose())
                .param("opportunity", event.businessOpportunity())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", (String) metaData.get("actor"))
                .param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM delegation_board").update();
    }

    @QueryHandler
    Optional<DelegationView> handle(FindDelegationQuery query) {
        return jdbc.sql("""
                        SELECT * FROM delegation_board
                        WHERE delegation_id = :id
                          AND (CAST(:operator AS TEXT) IS NULL OR CAST(:operator AS TEXT) = ANY (operators))
                        """)
                .param("id", query.delegationId())
                .param("operator", query.visibleToOperator())
                .query(DelegationBoardProjection::view)
                .optional();
    }

    @QueryHandler
    DelegationPage handle(FindDelegationsQuery query) {
        List<Row> rows = jdbc.sql("""
                        SELECT * FROM delegation_board
                        WHERE (CAST(:before AS BIGINT) IS NULL OR board_position < :before)
                        ORDER BY board_position DESC
                        LIMIT :limit
                        """)
                .param("before", query.beforePosition())
                .param("limit", query.limit() + 1)
                .query((rs, n) -> new Row(rs.getLong("board_position"), view(rs, n)))
                .list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? BoardCursor.encode(page.get(page.size() - 1).position()) : null;
        return new DelegationPage(page.stream().map(Row::view).toList(), next);
    }

    private record Row(long position, DelegationView view) {
    }

    private static DelegationView view(ResultSet rs, int rowNum) throws SQLException {
        return new DelegationView(
                rs.getString("delegation_id"),
                rs.getString("status"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("requesting_organisation"),
                rs.getString("origin_province"),
                rs.getString("origin_city"),
                DelegationType.valueOf(rs.getString("delegation_type")),
                PoliticalLevel.valueOf(rs.getString("political_level")),
                rs.getInt("head_count"),
                rs.getObject("wished_from", java.time.LocalDate.class),
                rs.getObject("wished_to", java.time.LocalDate.class),
                Arrays.stream((String[]) rs.getArray("themes").getArray()).map(Theme::valueOf).toList(),
                rs.getString("purpose"),
                rs.getString("business_opportunity"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getString("registered_by"),
                rs.getLong("version"));
    }
}
