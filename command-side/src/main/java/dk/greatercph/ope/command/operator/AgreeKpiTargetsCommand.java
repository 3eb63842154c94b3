package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Record the operator's agreed KPI targets for a year. */
public record AgreeKpiTargetsCommand(@TargetAggregateIdentifier OperatorId operatorId, int year,
                                     List<KpiTarget> targets, @TargetAggregateVersion Long expectedVersion) {
}
