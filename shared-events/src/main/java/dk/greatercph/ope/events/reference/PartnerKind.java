package dk.greatercph.ope.events.reference;

/** What kind of organisation a partner is. */
public enum PartnerKind {
    HOSPITAL,
    MUNICIPALITY,
    COMPANY,
    UNIVERSITY,
    ORGANISATION
}
