package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects partners and venues into the name tables that the schedule and the delegation views join. A partner or
 * venue is registered once, so an upsert is all idempotency needs.
 */
@Component
@ProcessingGroup("reference-names")
class ReferenceNamesProjection {

    private final JdbcClient jdbc;

    ReferenceNamesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PartnerRegisteredEvent event) {
        jdbc.sql("""
                        INSERT INTO partner_name (partner_id, name, kind, hospital) VALUES (:id, :name, :kind, :hospital)
                        ON CONFLICT (partner_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                            hospital = EXCLUDED.hospital
                        """)
                .param("id", event.partnerId().value()).param("name", event.name())
                .param("kind", event.kind().name()).param("hospital", event.hospital()).update();
    }

    @EventHandler
    void on(VenueRegisteredEvent event) {
        jdbc.sql("""
                        INSERT INTO venue_name (venue_id, name, address, capacity, kind)
                        VALUES (:id, :name, :address, :capacity, :kind)
                        ON CONFLICT (venue_id) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address,
                            capacity = EXCLUDED.capacity, kind = EXCLUDED.kind
                        """)
                .param("id", event.venueId().value()).param("name", event.name())
                .param("address", event.address()).param("capacity", event.capacity())
                .param("kind", event.kind() == null ? "OTHER" : event.kind().name()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM partner_name").update();
        jdbc.sql("DELETE FROM venue_name").update();
    }
}
