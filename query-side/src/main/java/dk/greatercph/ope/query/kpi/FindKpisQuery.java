package dk.greatercph.ope.query.kpi;

/** The KPI report of one calendar year: a delegation belongs to the year it was received in (its date received). */
public record FindKpisQuery(int year) {
}
