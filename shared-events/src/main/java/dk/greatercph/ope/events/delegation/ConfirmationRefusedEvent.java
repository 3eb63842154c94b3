package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Confirmation was refused: R6 (a venue or host already booked at that time) or R3 (a hospital item without cost
 * coverage). Names the items concerned.
 */
@Revision("1")
public record ConfirmationRefusedEvent(DelegationId delegationId, String code, String reason, List<String> itemIds) {
}
