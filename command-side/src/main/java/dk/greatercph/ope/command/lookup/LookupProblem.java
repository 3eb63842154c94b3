package dk.greatercph.ope.command.lookup;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of a lookup-table rebuild. */
enum LookupProblem implements ProblemCode {
    LOOKUP_REBUILD_CONFLICT(ProblemKind.CONFLICT,
            "An event contradicts what earlier events wrote to the command side's lookup tables.");

    private final ProblemKind kind;
    private final String meaning;

    LookupProblem(ProblemKind kind, String meaning) {
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
