package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the reference data: venues and partners. */
public enum ReferenceProblem implements ProblemCode {
    NAME_REQUIRED(ProblemKind.INVALID_INPUT,
            "A venue or partner has a name."),
    INVALID_CAPACITY(ProblemKind.INVALID_INPUT,
            "A venue holds at least one person."),
    DUPLICATE_NAME(ProblemKind.CONFLICT,
            "A venue or partner of that name is registered already: use it, or tell the two apart in the name."),
    VENUE_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No venue with this id."),
    PARTNER_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No partner with this id.");

    private final ProblemKind kind;
    private final String meaning;

    ReferenceProblem(ProblemKind kind, String meaning) {
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
