package dk.greatercph.ope.query.reference;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of a venue's or a partner's lookup. */
enum ReferenceQueryProblem implements ProblemCode {
    VENUE_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No venue with this id (one registered a moment ago is shown once the view has it)."),
    PARTNER_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No partner with this id (one registered a moment ago is shown once the view has it)."),
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view is being rebuilt or behind and cannot yet tell whether the id exists; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    ReferenceQueryProblem(ProblemKind kind, String meaning) {
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
