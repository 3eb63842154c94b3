package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.events.reference.PartnerCorrectedEvent;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueCorrectedEvent;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Projects partners and venues into the name tables that the schedule and the delegation views join, so a corrected
 * name shows wherever the id is named. A registration is an upsert; a correction applies only over an older version.
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

    @EventHandler
    void on(PartnerCorrectedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE partner_name SET name = :name, kind = :kind, hospital = :hospital, version = :version
                        WHERE partner_id = :id AND version < :version
                        """)
                .param("id", event.partnerId().value()).param("name", event.name())
                .param("kind", event.kind().name()).param("hospital", event.hospital()).param("version", version)
                .update();
    }

    @EventHandler
    void on(VenueCorrectedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE venue_name SET name = :name, address = :address, capacity = :capacity, kind = :kind,
                            version = :version
                        WHERE venue_id = :id AND version < :version
                        """)
                .param("id", event.venueId().value()).param("name", event.name())
                .param("address", event.address()).param("capacity", event.capacity())
                .param("kind", event.kind().name()).param("version", version).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM partner_name").update();
        jdbc.sql("DELETE FROM venue_name").update();
    }
}
