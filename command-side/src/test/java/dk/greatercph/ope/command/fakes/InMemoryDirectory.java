package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.reference.Directory;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The directory for fixture tests, held in memory. */
public class InMemoryDirectory implements Directory {

    private final Map<PartnerId, Boolean> partners = new HashMap<>();
    private final Set<VenueId> venues = new HashSet<>();

    @Override
    public void addPartner(PartnerId partner, String name, boolean hospital) {
        partners.put(partner, hospital);
    }

    @Override
    public void addVenue(VenueId venue, String name) {
        venues.add(venue);
    }

    @Override
    public Optional<Boolean> isHospital(PartnerId partner) {
        return Optional.ofNullable(partners.get(partner));
    }

    @Override
    public boolean hasVenue(VenueId venue) {
        return venues.contains(venue);
    }
}
