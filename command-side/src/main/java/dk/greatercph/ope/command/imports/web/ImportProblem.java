package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** The refusals of a history import: of the whole file, or of one line in the import's report. */
enum ImportProblem implements ProblemCode {
    MISSING_HEADER(400,
            "The file has no header line naming its columns."),
    UNKNOWN_COLUMN(400,
            "The header names a column the import does not know (the documented header lists them)."),
    DUPLICATE_COLUMN(400,
            "The header names a column more than once."),
    INVALID_ENCODING(400,
            "The file is not UTF-8 text."),
    MALFORMED_CSV(400,
            "The file is not well-formed CSV (RFC 4180)."),
    LINE_TOO_LONG(400,
            "A line of the file (a record, with the line breaks of its quoted cells) is longer than 65,536 "
                    + "characters."),
    CELL_COUNT(400,
            "A line of the file has more or fewer cells than the header names (reported per line).");

    private final int status;
    private final String meaning;

    ImportProblem(int status, String meaning) {
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
