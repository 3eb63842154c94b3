package dk.greatercph.ope.events.operator;

/** One agreed target: how much of a KPI an operator is to deliver in a year. */
public record KpiTarget(KpiKind kind, long target) {
}
