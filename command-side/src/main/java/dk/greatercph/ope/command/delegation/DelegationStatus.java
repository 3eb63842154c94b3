package dk.greatercph.ope.command.delegation;

/** Where a delegation is in its lifecycle. */
enum DelegationStatus {
    REQUESTED,
    SCREENED,
    ROUTED,
    ACCEPTED,
    PROGRAMME_PLANNED,
    CONFIRMED,
    COMPLETED,
    DECLINED,
    CANCELLED,
    WITHDRAWN;

    boolean isClosed() {
        return this == COMPLETED || this == DECLINED || this == CANCELLED || this == WITHDRAWN;
    }

    boolean isRouted() {
        return this == ROUTED || this == ACCEPTED || this == PROGRAMME_PLANNED || this == CONFIRMED;
    }
}
