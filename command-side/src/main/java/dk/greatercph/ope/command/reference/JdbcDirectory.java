package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerCorrectedEvent;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.events.reference.VenueCorrectedEvent;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.platform.input.ReadAlike;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The directory in the command side's lookup tables, written with the registration events. */
@Component
class JdbcDirectory implements Directory, RebuildableLookup {

    private final JdbcClient jdbc;

    JdbcDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addPartner(PartnerId partner, String name, boolean hospital) {
        jdbc.sql("""
                        INSERT INTO partner_directory (partner_id, name, name_key, hospital)
                        VALUES (:id, :name, :key, :hospital)""")
                .param("id", partner.value()).param("name", name).param("key", ReadAlike.nameKey(name))
                .param("hospital", hospital).update();
    }

    @Override
    public void addVenue(VenueId venue, String name, VenueKind kind) {
        jdbc.sql("INSERT INTO venue_directory (venue_id, name, name_key, kind) VALUES (:id, :name, :key, :kind)")
                .param("id", venue.value()).param("name", name).param("key", ReadAlike.nameKey(name))
                .param("kind", kind.name()).update();
    }

    @Override
    public Optional<String> venueNamed(String name) {
        return named("venue_directory", "venue_id", name, null);
    }

    @Override
    public Optional<String> partnerNamed(String name) {
        return named("partner_directory", "partner_id", name, null);
    }

    @Override
    public Optional<String> otherVenueNamed(String name, VenueId venue) {
        return named("venue_directory", "venue_id", name, venue.value());
    }

    @Override
    public Optional<String> otherPartnerNamed(String name, PartnerId partner) {
        return named("partner_directory", "partner_id", name, partner.value());
    }

    @Override
    public void correctVenue(VenueId venue, String name, VenueKind kind) {
        jdbc.sql("UPDATE venue_directory SET name = :name, name_key = :key, kind = :kind WHERE venue_id = :id")
                .param("id", venue.value()).param("name", name).param("key", ReadAlike.nameKey(name))
                .param("kind", kind.name()).update();
    }

    @Override
    public void correctPartner(PartnerId partner, String name, boolean hospital) {
        jdbc.sql("UPDATE partner_directory SET name = :name, name_key = :key, hospital = :hospital WHERE partner_id = :id")
                .param("id", partner.value()).param("name", name).param("key", ReadAlike.nameKey(name))
                .param("hospital", hospital).update();
    }

    /**
     * Under a lock on the name's key, so that two registrations (or corrections) of one name at once do not both
     * pass; {@code except} (an id, or null) is left out: the one being corrected.
     */
    private Optional<String> named(String table, String idColumn, String name, String except) {
        String key = ReadAlike.nameKey(name);
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:key))")
                .param("space", table.hashCode()).param("key", key).query((rs, n) -> 0).list();
        return jdbc.sql("SELECT " + idColumn + " FROM " + table + " WHERE name_key = :key AND " + idColumn
                        + " IS DISTINCT FROM :except ORDER BY 1 LIMIT 1")
                .param("key", key).param("except", except).query(String.class).optional();
    }

    @Override
    public List<String> tables() {
        return List.of("partner_directory", "venue_directory");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM partner_directory").update();
        jdbc.sql("DELETE FROM venue_directory").update();
        return (payload, at) -> {
            if (payload instanceof PartnerRegisteredEvent partner) {
                addPartner(partner.partnerId(), partner.name(), partner.hospital());
            } else if (payload instanceof VenueRegisteredEvent venue) {
                addVenue(venue.venueId(), venue.name(), venue.kind());
            } else if (payload instanceof PartnerCorrectedEvent partner) {
                correctPartner(partner.partnerId(), partner.name(), partner.hospital());
            } else if (payload instanceof VenueCorrectedEvent venue) {
                correctVenue(venue.venueId(), venue.name(), venue.kind());
            }
        };
    }

    @Override
    public Optional<Boolean> isHospital(PartnerId partner) {
        return jdbc.sql("SELECT hospital FROM partner_directory WHERE partner_id = :id")
                .param("id", partner.value()).query(Boolean.class).optional();
    }

    @Override
    public boolean hasVenue(VenueId venue) {
        return jdbc.sql("SELECT count(*) FROM venue_directory WHERE venue_id = :id")
                .param("id", venue.value()).query(Long.class).single() > 0;
    }

    @Override
    public boolean isHospitalVenue(VenueId venue) {
        return jdbc.sql("SELECT count(*) FROM venue_directory WHERE venue_id = :id AND kind = 'HOSPITAL'")
                .param("id", venue.value()).query(Long.class).single() > 0;
    }
}
