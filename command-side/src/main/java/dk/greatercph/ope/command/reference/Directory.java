package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;

import java.util.Optional;

/** The partners and venues the command side knows, for rules that name them (R3, R6). */
public interface Directory {

    void addPartner(PartnerId partner, String name, boolean hospital);

    void addVenue(VenueId venue, String name);

    /** Whether the partner exists and is a hospital; empty when unknown. */
    Optional<Boolean> isHospital(PartnerId partner);

    boolean hasVenue(VenueId venue);
}
