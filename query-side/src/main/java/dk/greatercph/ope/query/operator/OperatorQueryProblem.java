package dk.greatercph.ope.query.operator;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of an operator's lookup. */
public enum OperatorQueryProblem implements ProblemCode {
    OPERATOR_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No operator with this id (one registered a moment ago is shown once the view has it)."),
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view has not yet reached the version asked for with minVersion; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    OperatorQueryProblem(ProblemKind kind, String meaning) {
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
