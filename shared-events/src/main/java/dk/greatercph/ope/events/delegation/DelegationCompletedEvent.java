package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * The visit took place; its outcome report feeds the operators' KPIs.
 *
 * <p>Revision 2 added the outcome's figures (companies established, jobs created, tourists, overnight stays); a
 * revision-1 event reads with each of them 0 (the platform's {@code DelegationCompletedUpcaster}).
 */
@Revision("2")
public record DelegationCompletedEvent(DelegationId delegationId, Outcome outcome) {
}
