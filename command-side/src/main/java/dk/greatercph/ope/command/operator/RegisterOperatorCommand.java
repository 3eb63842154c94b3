package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Register an operator that takes the given themes. */
public record RegisterOperatorCommand(@TargetAggregateIdentifier OperatorId operatorId, String name,
                                      List<Theme> themes) {
}
