package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** From now on the operator takes exactly these themes. */
public record ChangeOperatorThemesCommand(@TargetAggregateIdentifier OperatorId operatorId, List<Theme> themes,
                                          @TargetAggregateVersion Long expectedVersion) {
}
