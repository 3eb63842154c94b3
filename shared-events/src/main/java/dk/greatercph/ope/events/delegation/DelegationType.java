package dk.greatercph.ope.events.delegation;

/** Who is visiting: public-sector delegations are political or administrative, the rest are not. */
public enum DelegationType {
    POLITICAL,
    ADMINISTRATIVE,
    BUSINESS,
    INVESTMENT_FUND,
    INTEREST_GROUP,
    ACADEMIC,
    OTHER;

    /** R2 applies to every delegation that is not political. */
    public boolean isPolitical() {
        return this == POLITICAL;
    }
}
