package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;

import java.util.Optional;

/** The partners and venues the command side knows, for rules that name them (R3, R6). */
public interface Directory {

    void addPartner(PartnerId partner, String name, boolean hospital);

    void addVenue(VenueId venue, String name, VenueKind kind);

    /** Whether the partner exists and is a hospital; empty when unknown. */
    Optional<Boolean> isHospital(PartnerId partner);

    boolean hasVenue(VenueId venue);

    /** Whether the venue exists and is a hospital (R3 follows the place as well as the host). */
    boolean isHospitalVenue(VenueId venue);

    /**
     * The venue registered under this name as people read it, if any; until the caller's transaction ends, no other
     * registration of the same name gets past this.
     */
    Optional<String> venueNamed(String name);

    /** The partner registered under this name as people read it, if any; as {@link #venueNamed}. */
    Optional<String> partnerNamed(String name);

    /** Another venue than {@code venue} registered under this name as people read it, if any; as {@link #venueNamed}. */
    Optional<String> otherVenueNamed(String name, VenueId venue);

    /** Another partner than {@code partner} registered under this name, if any; as {@link #venueNamed}. */
    Optional<String> otherPartnerNamed(String name, PartnerId partner);

    /** The venue's name and kind as corrected. */
    void correctVenue(VenueId venue, String name, VenueKind kind);

    /** The partner's name and whether it hosts as a hospital, as corrected. */
    void correctPartner(PartnerId partner, String name, boolean hospital);
}
