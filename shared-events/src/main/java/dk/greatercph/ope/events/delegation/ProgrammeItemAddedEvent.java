package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An item was added to the visit programme, tentative until the delegation is confirmed. {@code hostIsHospital}
 * and {@code venueIsHospital} are the facts rule R3 follows: an item hosted by a hospital partner or held at a
 * hospital venue needs cost coverage before confirmation.
 *
 * <p>Revision 2 added {@code venueIsHospital}; a revision-1 event reads with it false (the platform's
 * {@code ProgrammeItemUpcaster}), as R3 then followed the host alone.
 */
@Revision("2")
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
        OperatorId plannedBy,
        boolean venueIsHospital) {
}
