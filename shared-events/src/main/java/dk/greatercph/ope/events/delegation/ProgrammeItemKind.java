package dk.greatercph.ope.events.delegation;

/** What a programme item is. */
public enum ProgrammeItemKind {
    MEETING,
    SITE_VISIT,
    COMPANY_VISIT,
    HOSPITAL_VISIT,
    RECEPTION
}
