package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** Refusals around erasable personal data. */
public enum PrivacyProblem implements ProblemCode {
    PERSON_ERASED(ProblemKind.CONFLICT,
            "This person's data was erased; record them again under a new person id.");

    private final ProblemKind kind;
    private final String meaning;

    PrivacyProblem(ProblemKind kind, String meaning) {
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
