package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The system's step for a delegation closed while offers on it were still unanswered, which closing left open
 * before it withdrew them ({@link UnansweredOffersOfClosedDelegations}). No endpoint sends it.
 */
public record WithdrawUnansweredOffersCommand(@TargetAggregateIdentifier DelegationId delegationId) {
}
