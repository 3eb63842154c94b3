package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusal of an inbox stream resumption. */
enum InboxProblem implements ProblemCode {
    INVALID_LAST_EVENT_ID(ProblemKind.INVALID_INPUT,
            "Last-Event-ID must be the id of an event this stream sent.");

    private final ProblemKind kind;
    private final String meaning;

    InboxProblem(ProblemKind kind, String meaning) {
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
