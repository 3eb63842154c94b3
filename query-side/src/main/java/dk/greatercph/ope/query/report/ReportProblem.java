package dk.greatercph.ope.query.report;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** The refusals of the annual report. */
enum ReportProblem implements ProblemCode {
    INVALID_REPORT_FORMAT(400,
            "The report's format parameter is not one of json, csv, xlsx.");

    private final int status;
    private final String meaning;

    ReportProblem(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
