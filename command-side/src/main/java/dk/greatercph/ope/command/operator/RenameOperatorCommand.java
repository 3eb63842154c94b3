package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** From now on the operator is called {@code name}; why. */
public record RenameOperatorCommand(@TargetAggregateIdentifier OperatorId operatorId, String name, String reason,
                                    @TargetAggregateVersion Long expectedVersion) {
}
