package dk.greatercph.ope.command.person;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals around a person's data: references to held persons and erasure. */
public enum PersonProblem implements ProblemCode {
    UNKNOWN_PERSON(ProblemKind.RULE_VIOLATION,
            "A person reference names no person held here; leave it out to record a new person."),
    LEGAL_BASIS_REQUIRED(ProblemKind.INVALID_INPUT,
            "An erasure states its legal basis."),
    PERSON_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No personal data is held about this person."),
    ALREADY_ERASED(ProblemKind.CONFLICT,
            "This person's data was already erased."),
    PERSON_NAME_MISMATCH(ProblemKind.INVALID_INPUT,
            "A person id given with a name other than the one the person was recorded with: one person has one name.");

    private final ProblemKind kind;
    private final String meaning;

    PersonProblem(ProblemKind kind, String meaning) {
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
