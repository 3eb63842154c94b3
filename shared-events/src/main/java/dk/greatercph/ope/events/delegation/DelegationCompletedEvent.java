package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

/**
 * The visit took place; its outcome report feeds the operators' KPIs.
 *
 * <p>Revision 2 added the outcome's figures (companies established, jobs created, tourists, overnight stays); a
 * revision-1 event reads with each of them 0 (the platform's {@code DelegationCompletedUpcaster}).
 *
 * <p>Revision 3 lets a figure be absent (null): not reported. Revision 2 wrote a figure not reported as 0; its
 * events read unchanged, each figure as it was stored.
 */
@Revision("3")
public record DelegationCompletedEvent(DelegationId delegationId, Outcome outcome) {
}
