package dk.greatercph.ope.events.delegation;

/**
 * Who is visiting, as the desk tells kinds of delegation apart: public (political or administrative, at the level
 * {@link PoliticalLevel} gives), private (companies, investment funds, interest groups, trade organisations, the
 * tourism trade), academic, other. Values are only ever added: stored events name them.
 */
public enum DelegationType {
    POLITICAL(Sector.PUBLIC),
    ADMINISTRATIVE(Sector.PUBLIC),
    BUSINESS(Sector.PRIVATE),
    INVESTMENT_FUND(Sector.PRIVATE),
    INTEREST_GROUP(Sector.PRIVATE),
    ACADEMIC(Sector.ACADEMIC),
    OTHER(Sector.OTHER),
    TRADE_ORGANISATION(Sector.PRIVATE),
    TOURISM_TRADE(Sector.PRIVATE);

    private final Sector sector;

    DelegationType(Sector sector) {
        this.sector = sector;
    }

    /** Public or private, as the Region's reports split delegations. */
    public Sector sector() {
        return sector;
    }

    /** The split of the Region's reports. */
    public enum Sector {
        PUBLIC,
        PRIVATE,
        ACADEMIC,
        OTHER
    }

    /** R2 applies to every delegation that is not political. */
    public boolean isPolitical() {
        return this == POLITICAL;
    }
}
