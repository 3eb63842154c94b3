package dk.greatercph.ope.query.escalation;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the escalation list. */
enum EscalationProblem implements ProblemCode {
    INVALID_CURSOR(ProblemKind.INVALID_INPUT,
            "The 'after' cursor is not one this service issued.");

    private final ProblemKind kind;
    private final String meaning;

    EscalationProblem(ProblemKind kind, String meaning) {
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
