package dk.greatercph.ope.query.report;

/** The parts of the annual report its own projection counts. */
record AnnualDelegationsView(AnnualReportView.Delegations delegations, AnnualReportView.China china,
                             AnnualReportView.Outcomes outcomes, AnnualReportView.NotRealised notRealised) {
}
