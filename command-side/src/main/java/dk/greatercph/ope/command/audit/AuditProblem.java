package dk.greatercph.ope.command.audit;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the auditors' aggregate history. */
enum AuditProblem implements ProblemCode {
    AGGREGATE_TYPE_NOT_FOUND(ProblemKind.NOT_FOUND,
            "There is no aggregate type of this name."),
    AGGREGATE_NOT_FOUND(ProblemKind.NOT_FOUND,
            "There is no aggregate of this type with this id."),
    DID_NOT_EXIST_YET(ProblemKind.NOT_FOUND,
            "The aggregate did not exist yet at the asked time or version."),
    VERSION_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The aggregate has no such version.");

    private final ProblemKind kind;
    private final String meaning;

    AuditProblem(ProblemKind kind, String meaning) {
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
