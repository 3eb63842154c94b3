package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A supporting operator's own outcome of a completed visit (its figures feed its KPIs). */
public record ReportSupportingOutcomeCommand(@TargetAggregateIdentifier DelegationId delegationId,
                                             OperatorId operatorId, Outcome outcome,
                                             @TargetAggregateVersion Long expectedVersion) {
}
