package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of a projection replay. */
enum ReplayProblem implements ProblemCode {
    PROJECTION_NOT_FOUND(ProblemKind.NOT_FOUND,
            "There is no projection of this name."),
    REPLAY_NOT_SUPPORTED(ProblemKind.CONFLICT,
            "None of the projection's handlers allows a reset."),
    REPLAY_IN_PROGRESS(ProblemKind.CONFLICT,
            "The projection is already being replayed."),
    PROJECTION_CLAIMED_ELSEWHERE(ProblemKind.CONFLICT,
            "Another instance processes the projection; stop it there first. Right after a restart the claim may be "
                    + "this node's from before it stopped, which lapses within seconds: retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    ReplayProblem(ProblemKind kind, String meaning) {
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
