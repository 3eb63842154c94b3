package dk.greatercph.ope.query.kpi;

/** The KPI report of one calendar year: a delegation belongs to the year it was registered in (Europe/Copenhagen). */
public record FindKpisQuery(int year) {
}
