package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/** The visit took place; its outcome report feeds the operators' KPIs. */
@Revision("1")
public record DelegationCompletedEvent(DelegationId delegationId, Outcome outcome) {
}
