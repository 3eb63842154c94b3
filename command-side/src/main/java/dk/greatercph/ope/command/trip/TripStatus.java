package dk.greatercph.ope.command.trip;

/** The lifecycle of a political trip. */
enum TripStatus {
    PLANNED,
    PROGRAMME_DRAFTED,
    APPROVED,
    COMPLETED,
    CANCELLED
}
