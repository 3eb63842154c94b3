package dk.greatercph.ope.platform.problem;

/** What kind of refusal a domain problem is, and so which HTTP status answers it. */
public enum ProblemKind {
    INVALID_INPUT(400),
    NOT_FOUND(404),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    RULE_VIOLATION(422),
    FORBIDDEN(403);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
