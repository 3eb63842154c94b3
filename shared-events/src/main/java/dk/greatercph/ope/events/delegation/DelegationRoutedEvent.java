package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * R1: the delegation was routed to a lead operator and any supporting operators, by the routing table at {@code
 * routingVersion}, or by the desk's override with its reason.
 */
@Revision("1")
public record DelegationRoutedEvent(
        DelegationId delegationId,
        OperatorId lead,
        List<OperatorId> supporting,
        long routingVersion,
        boolean override,
        String reason) {
}
