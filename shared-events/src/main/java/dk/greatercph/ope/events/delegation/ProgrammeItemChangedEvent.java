package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A programme item now has these details. */
@Revision("1")
public record ProgrammeItemChangedEvent(
        DelegationId delegationId,
        String itemId,
        ProgrammeItemKind kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        VenueId venueId,
        PartnerId hostId,
        boolean hostIsHospital) {
}
