package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.reference.Directory;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The directory for fixture tests, held in memory. */
public class InMemoryDirectory implements Directory {

    private final Map<PartnerId, Boolean> partners = new HashMap<>();
    private final Map<VenueId, VenueKind> venues = new HashMap<>();
    private final Map<String, String> venueNames = new HashMap<>();
    private final Map<String, String> partnerNames = new HashMap<>();

    @Override
    public void addPartner(PartnerId partner, String name, boolean hospital) {
        partners.put(partner, hospital);
        partnerNames.putIfAbsent(dk.greatercph.ope.platform.input.ReadAlike.key(name), partner.value());
    }

    @Override
    public void addVenue(VenueId venue, String name, VenueKind kind) {
        venues.put(venue, kind);
        venueNames.putIfAbsent(dk.greatercph.ope.platform.input.ReadAlike.key(name), venue.value());
    }

    @Override
    public Optional<Boolean> isHospital(PartnerId partner) {
        return Optional.ofNullable(partners.get(partner));
    }

    @Override
    public boolean hasVenue(VenueId venue) {
        return venues.containsKey(venue);
    }

    @Override
    public boolean isHospitalVenue(VenueId venue) {
        return venues.get(venue) == VenueKind.HOSPITAL;
    }

    @Override
    public Optional<String> venueNamed(String name) {
        return Optional.ofNullable(venueNames.get(dk.greatercph.ope.platform.input.ReadAlike.key(name)));
    }

    @Override
    public Optional<String> partnerNamed(String name) {
        return Optional.ofNullable(partnerNames.get(dk.greatercph.ope.platform.input.ReadAlike.key(name)));
    }

    @Override
    public Optional<String> otherVenueNamed(String name, VenueId venue) {
        return venueNamed(name).filter(found -> !found.equals(venue.value()));
    }

    @Override
    public Optional<String> otherPartnerNamed(String name, PartnerId partner) {
        return partnerNamed(name).filter(found -> !found.equals(partner.value()));
    }

    @Override
    public void correctVenue(VenueId venue, String name, VenueKind kind) {
        venueNames.values().remove(venue.value());
        addVenue(venue, name, kind);
    }

    @Override
    public void correctPartner(PartnerId partner, String name, boolean hospital) {
        partnerNames.values().remove(partner.value());
        addPartner(partner, name, hospital);
    }
}
