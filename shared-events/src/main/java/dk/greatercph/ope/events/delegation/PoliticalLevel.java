package dk.greatercph.ope.events.delegation;

/** The highest level of government represented in a delegation. */
public enum PoliticalLevel {
    NONE,
    CITY,
    PROVINCIAL,
    NATIONAL
}
