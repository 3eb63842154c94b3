package dk.greatercph.ope.query.deadletter;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the dead-letter administration, each with its stable code. */
enum DeadLetterProblem implements ProblemCode {
    DEAD_LETTER_NOT_FOUND(ProblemKind.NOT_FOUND, "There is no dead letter with this id."),
    PROJECTION_NOT_FOUND(ProblemKind.NOT_FOUND, "There is no projection of this name."),
    PROJECTION_REQUIRED(ProblemKind.INVALID_INPUT, "A retry of all dead letters names its projection."),
    REASON_REQUIRED(ProblemKind.INVALID_INPUT, "Evicting a dead letter states why."),
    INVALID_REASON(ProblemKind.INVALID_INPUT, "The eviction reason is too long or not canonical text.");

    private final ProblemKind kind;
    private final String meaning;

    DeadLetterProblem(ProblemKind kind, String meaning) {
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

    DomainProblem problem(String detail) {
        return new DomainProblem(this, detail);
    }

    /** Bad input in the request's field {@code field}, named in {@code errors[]}. */
    DomainProblem problem(String field, String detail) {
        return DomainProblem.invalid(this, field, detail);
    }
}
