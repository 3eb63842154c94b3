package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Route by rule R1, or — with {@code overrideLead} — by the desk's choice and reason. Re-routing withdraws
 * offers that were not answered.
 */
public record RouteDelegationCommand(@TargetAggregateIdentifier DelegationId delegationId, OperatorId overrideLead,
                                     List<OperatorId> overrideSupporting, String overrideReason,
                                     @TargetAggregateVersion Long expectedVersion) {
}
