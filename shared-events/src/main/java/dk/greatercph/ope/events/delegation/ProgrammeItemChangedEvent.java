package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A programme item now has these details, with the facts rule R3 follows (see {@link ProgrammeItemAddedEvent}).
 *
 * <p>Revision 2 added {@code venueIsHospital}; a revision-1 event reads with it false (the platform's
 * {@code ProgrammeItemUpcaster}).
 */
@Revision("2")
public record ProgrammeItemChangedEvent(
        DelegationId delegationId,
        String itemId,
        ProgrammeItemKind kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        VenueId venueId,
        PartnerId hostId,
        boolean hostIsHospital,
        boolean venueIsHospital) {
}
