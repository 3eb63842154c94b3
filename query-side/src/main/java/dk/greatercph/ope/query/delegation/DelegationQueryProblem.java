package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the delegation board and detail queries. */
enum DelegationQueryProblem implements ProblemCode {
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view has not yet reached the version asked for with minVersion; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    DelegationQueryProblem(ProblemKind kind, String meaning) {
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
