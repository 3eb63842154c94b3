package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.events.reference.PartnerKind;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads the name tables the reference-names projection writes: the pickers' lists of venues and partners. */
@Component
class ReferenceQueries {

    private final JdbcClient jdbc;

    ReferenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String VENUES = "SELECT venue_id, name, address, capacity, kind, version FROM venue_name";
    private static final String PARTNERS = "SELECT partner_id, name, kind, hospital, version FROM partner_name";
    private static final RowMapper<VenueView> VENUE = (rs, n) -> new VenueView(rs.getString("venue_id"),
            rs.getString("name"), rs.getString("address"), rs.getInt("capacity"), rs.getString("kind"),
            "HOSPITAL".equals(rs.getString("kind")), rs.getLong("version"));
    private static final RowMapper<PartnerView> PARTNER = (rs, n) -> new PartnerView(rs.getString("partner_id"),
            rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")), rs.getBoolean("hospital"),
            rs.getLong("version"));

    @QueryHandler
    List<VenueView> handle(FindVenuesQuery query) {
        return byName(VENUES, "venue_id", query.after(), query.limit()).query(VENUE).list();
    }

    /** None or one: the venue with the id. */
    @QueryHandler
    List<VenueView> handle(FindVenueQuery query) {
        return jdbc.sql(VENUES + " WHERE venue_id = :id").param("id", query.id()).query(VENUE).list();
    }

    @QueryHandler
    List<PartnerView> handle(FindPartnersQuery query) {
        return byName(PARTNERS, "partner_id", query.after(), query.limit()).query(PARTNER).list();
    }

    /**
     * The rows of {@code select} by name (without regard to case, in the Danish alphabet's order: Æ, Ø, Å after Z), then
     * by the column {@code id}, after a position.
     */
    private JdbcClient.StatementSpec byName(String select, String id, NamePosition after, int limit) {
        return jdbc.sql(select + """
                         WHERE CAST(:afterId AS TEXT) IS NULL OR (lower(name) COLLATE names_da, %1$s)
                            > (lower(CAST(:afterName AS TEXT)) COLLATE names_da, :afterId)
                        ORDER BY lower(name) COLLATE names_da, %1$s LIMIT :limit""".formatted(id))
                .param("afterId", after == null ? null : after.id())
                .param("afterName", after == null ? null : after.name())
                .param("limit", limit);
    }

    /** None or one: the partner with the id. */
    @QueryHandler
    List<PartnerView> handle(FindPartnerQuery query) {
        return jdbc.sql(PARTNERS + " WHERE partner_id = :id").param("id", query.id()).query(PARTNER).list();
    }
}
