package dk.greatercph.ope.query.deadletter;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the dead-letter administration, each with its stable code. */
enum DeadLetterProblem {
    DEAD_LETTER_NOT_FOUND(ProblemKind.NOT_FOUND),
    PROJECTION_NOT_FOUND(ProblemKind.NOT_FOUND),
    PROJECTION_REQUIRED(ProblemKind.INVALID_INPUT),
    REASON_REQUIRED(ProblemKind.INVALID_INPUT),
    INVALID_REASON(ProblemKind.INVALID_INPUT);

    private final ProblemKind kind;

    DeadLetterProblem(ProblemKind kind) {
        this.kind = kind;
    }

    DomainProblem problem(String detail) {
        return new DomainProblem(name(), kind, detail);
    }
}
