package dk.greatercph.ope.command.web;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of an If-Match header that is not a version this service issued. */
enum VersionProblem implements ProblemCode {
    INVALID_IF_MATCH(ProblemKind.INVALID_INPUT,
            "If-Match must be a version this service issued as an ETag, e.g. \"3\".");

    private final ProblemKind kind;
    private final String meaning;

    VersionProblem(ProblemKind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return kind.status();
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
