package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the schedule. */
enum ScheduleProblem implements ProblemCode {
    INVALID_CURSOR(ProblemKind.INVALID_INPUT,
            "The 'after' cursor is not one this service issued.");

    private final ProblemKind kind;
    private final String meaning;

    ScheduleProblem(ProblemKind kind, String meaning) {
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
