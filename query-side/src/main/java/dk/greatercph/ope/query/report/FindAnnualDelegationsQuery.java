package dk.greatercph.ope.query.report;

/** The annual report's delegation figures of one year of receipt. */
record FindAnnualDelegationsQuery(int year) {
}
