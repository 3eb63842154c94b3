package dk.greatercph.ope.command.delegation;

/** Where a delegation is in its lifecycle, as the command side needs to know it. */
enum DelegationStatus {
    REQUESTED
}
