package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of a trip lookup. */
enum TripQueryProblem implements ProblemCode {
    TRIP_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No trip with this id."),
    PARTICIPANT_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The trip has no participant with this id (one added a moment ago is shown once the view has it)."),
    ITINERARY_ITEM_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The trip has no itinerary item with this id (one added a moment ago is shown once the view has it)."),
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view has not yet reached the version asked for with minVersion; retry shortly.");

    private final ProblemKind kind;
    private final String meaning;

    TripQueryProblem(ProblemKind kind, String meaning) {
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
