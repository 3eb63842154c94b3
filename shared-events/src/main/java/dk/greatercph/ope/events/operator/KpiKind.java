package dk.greatercph.ope.events.operator;

/** What an operator is measured on, per year. */
public enum KpiKind {
    DELEGATIONS_HANDLED,
    PROGRAMMES_DELIVERED,
    INVESTMENT_LEADS,
    COMPANIES_ATTRACTED,
    MOUS_SIGNED,
    JOBS_CREATED,
    TOURISTS
}
