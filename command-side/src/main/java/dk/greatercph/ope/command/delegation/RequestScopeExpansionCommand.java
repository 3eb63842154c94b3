package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

public record RequestScopeExpansionCommand(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                           List<Theme> themes, String reason,
                                           @TargetAggregateVersion Long expectedVersion) {
}
