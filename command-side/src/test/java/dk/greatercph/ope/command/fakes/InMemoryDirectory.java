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

    @Override
    public void addPartner(PartnerId partner, String name, boolean hospital) {
        partners.put(partner, hospital);
    }

    @Override
    public void addVenue(VenueId venue, String name, VenueKind kind) {
        venues.put(venue, kind);
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
}
