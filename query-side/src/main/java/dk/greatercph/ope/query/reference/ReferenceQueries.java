package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.events.reference.PartnerKind;
import org.axonframework.queryhandling.QueryHandler;
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

    @QueryHandler
    List<VenueView> handle(FindVenuesQuery query) {
        return jdbc.sql("SELECT venue_id, name, address, capacity, kind FROM venue_name ORDER BY lower(name), venue_id")
                .query((rs, n) -> new VenueView(rs.getString("venue_id"), rs.getString("name"), rs.getString("address"),
                        rs.getInt("capacity"), rs.getString("kind"), "HOSPITAL".equals(rs.getString("kind"))))
                .list();
    }

    @QueryHandler
    List<PartnerView> handle(FindPartnersQuery query) {
        return jdbc.sql("SELECT partner_id, name, kind, hospital FROM partner_name ORDER BY lower(name), partner_id")
                .query((rs, n) -> new PartnerView(rs.getString("partner_id"), rs.getString("name"),
                        PartnerKind.valueOf(rs.getString("kind")), rs.getBoolean("hospital")))
                .list();
    }
}
