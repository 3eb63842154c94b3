package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of a person lookup. */
enum PersonQueryProblem implements ProblemCode {
    PERSON_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No personal data is held about this person."),
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view is being rebuilt or behind and cannot yet tell whether the member exists; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    PersonQueryProblem(ProblemKind kind, String meaning) {
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
