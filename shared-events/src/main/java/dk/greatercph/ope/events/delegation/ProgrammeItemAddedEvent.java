package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An item was added to the visit programme, tentative until the delegation is confirmed. */
@Revision("1")
public record ProgrammeItemAddedEvent(
        DelegationId delegationId,
        String itemId,
        ProgrammeItemKind kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        VenueId venueId,
        PartnerId hostId,
        boolean hostIsHospital,
        OperatorId plannedBy) {
}
