package dk.greatercph.ope.events.trip;

/** Who travels on a trip. */
public enum ParticipantKind {
    POLITICIAN,
    OFFICIAL,
    OPERATOR,
    COMPANY
}
