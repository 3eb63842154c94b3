package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The system's step for a delegation closed, or sent back to the desk by its lead, while offers on it were still
 * unanswered, which an earlier version left open ({@link UnansweredOffersLeftOpen}). No endpoint sends it.
 */
public record WithdrawUnansweredOffersCommand(@TargetAggregateIdentifier DelegationId delegationId) {
}
