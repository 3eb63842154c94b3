package dk.greatercph.ope.events.operator;

import org.axonframework.serialization.Revision;

import java.util.List;

/** The region and an operator agreed the operator's KPI targets for a year; replaces any earlier agreement. */
@Revision("1")
public record KpiTargetsAgreedEvent(OperatorId operatorId, int year, List<KpiTarget> targets) {

    public KpiTargetsAgreedEvent {
        targets = List.copyOf(targets);
    }
}
