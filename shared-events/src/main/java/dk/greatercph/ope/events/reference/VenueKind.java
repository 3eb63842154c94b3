package dk.greatercph.ope.events.reference;

/** What kind of place a venue is; a visit at a hospital needs cost coverage (R3) whoever hosts it. */
public enum VenueKind {
    HOSPITAL,
    MUNICIPALITY,
    COMPANY,
    UNIVERSITY,
    OTHER
}
