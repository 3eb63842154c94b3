package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of a view that is being rebuilt, for the queries that have no problems of their own. */
public enum ViewProblem implements ProblemCode {
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view is being rebuilt and is incomplete until it has caught up; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    ViewProblem(ProblemKind kind, String meaning) {
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
