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

    /** The kind that answers with {@code status}; only the statuses a domain refusal may have exist. */
    public static ProblemKind of(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No domain problem answers with status " + status + ".");
    }
}
