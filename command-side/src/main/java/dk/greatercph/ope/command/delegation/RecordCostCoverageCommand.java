package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

public record RecordCostCoverageCommand(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                        String payer, String basis, BigDecimal amount, String currency,
                                        @TargetAggregateVersion Long expectedVersion) implements ProgrammeItemChange {
}
