package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the event log's filters. */
enum AuditQueryProblem implements ProblemCode {
    UNKNOWN_AGGREGATE_TYPE(ProblemKind.INVALID_INPUT, "No aggregate type of this name records events."),
    UNKNOWN_EVENT_TYPE(ProblemKind.INVALID_INPUT, "No event type of this name exists.");

    private final ProblemKind kind;
    private final String meaning;

    AuditQueryProblem(ProblemKind kind, String meaning) {
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
