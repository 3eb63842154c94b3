package dk.greatercph.ope.query.delegation;

/** Where a delegation is in its lifecycle, as the board derives it from the events. */
public enum DelegationStatus {
    REQUESTED,
    SCREENED,
    ROUTED,
    ACCEPTED,
    PROGRAMME_PLANNED,
    CONFIRMED,
    COMPLETED,
    DECLINED,
    CANCELLED,
    WITHDRAWN
}
