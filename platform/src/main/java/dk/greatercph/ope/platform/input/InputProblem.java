package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** Bad input found at the edge, before any command or query: each names the offending field or parameter. */
public enum InputProblem implements ProblemCode {
    VALIDATION_FAILED(400,
            "One or more fields or parameters break their constraints; errors lists each with its message."),
    INVALID_PARAMETER(400,
            "A path or query parameter has a value of the wrong type or format."),
    INVALID_PERIOD(400,
            "A date window ends before it starts."),
    DATE_OUT_OF_RANGE(400,
            "A date or time lies outside the range the service accepts."),
    INVALID_TEXT(400,
            "A text is not canonical (control characters, unpaired surrogates or not in Unicode normal form C)."),
    UNKNOWN_FIELD(400,
            "The body has a field that is not part of this request, or one a client may not set."),
    DUPLICATE_FIELD(400,
            "A field appears more than once in the body."),
    INVALID_FIELD(400,
            "A field has a value of the wrong type or format."),
    INVALID_CURSOR(400,
            "The 'after' cursor does not read as a position in this list."),
    TOO_MANY_ENTRIES(400,
            "The answer would hold more entries than one answer may and cannot be paged (a calendar feed): narrow the "
                    + "period or the filters."),
    INVALID_COUNTRY(400,
            "A country is not an ISO 3166-1 alpha-2 code in upper case (e.g. CN, DK, SE)."),
    MALFORMED_JSON(400,
            "The request body is not well-formed JSON."),
    UNREADABLE_BODY(400,
            "The request body is missing or unreadable."),
    MALFORMED_REQUEST(400,
            "The request is not well-formed HTTP (request line, path encoding or headers)."),
    REQUEST_REJECTED(400,
            "The request path is not in canonical form (no '//', '..', ';' or encoded separators), or a header "
                    + "value holds characters the service does not accept.");

    private final int status;
    private final String meaning;

    InputProblem(int status, String meaning) {
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
