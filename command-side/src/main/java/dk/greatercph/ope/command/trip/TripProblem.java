package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of an outbound trip, from planning to its report. */
public enum TripProblem implements ProblemCode {
    TITLE_REQUIRED(ProblemKind.INVALID_INPUT,
            "A trip has a title."),
    LEADER_REQUIRED(ProblemKind.INVALID_INPUT,
            "A trip has a leader."),
    DESTINATIONS_REQUIRED(ProblemKind.INVALID_INPUT,
            "A trip has at least one destination."),
    INVALID_DATES(ProblemKind.INVALID_INPUT,
            "A trip ends on or after the day it starts."),
    TRIP_TOO_LONG(ProblemKind.INVALID_INPUT,
            "A trip ends at most 60 days after it starts."),
    YEAR_MISMATCH(ProblemKind.INVALID_INPUT,
            "A trip starts in the year it is planned for."),
    ANNUAL_TRIP_EXISTS(ProblemKind.RULE_VIOLATION,
            "The year already has its annual trip; a further trip is extraordinary and needs a reason."),
    PARTICIPANT_EXISTS(ProblemKind.CONFLICT,
            "That participant is already on the trip."),
    NAME_REQUIRED(ProblemKind.INVALID_INPUT,
            "A trip participant has a name."),
    OPERATOR_REQUIRED(ProblemKind.INVALID_INPUT,
            "An operator's participant names the operator."),
    DUPLICATE_DESTINATION(ProblemKind.INVALID_INPUT,
            "A trip names each destination once."),
    OPERATOR_NOT_EXPECTED(ProblemKind.INVALID_INPUT,
            "Only a participant of kind OPERATOR names an operator."),
    UNKNOWN_OPERATOR(ProblemKind.RULE_VIOLATION,
            "An operator the trip names (a participant, an item's objective, a follow-up) is not registered."),
    PARTICIPANT_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No such participant on this trip."),
    ITINERARY_ITEM_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No such item on this trip's itinerary."),
    CITY_REQUIRED(ProblemKind.INVALID_INPUT,
            "An itinerary item names its city."),
    COUNTERPART_REQUIRED(ProblemKind.INVALID_INPUT,
            "An itinerary item names the Chinese counterpart."),
    INVALID_TIME_SLOT(ProblemKind.INVALID_INPUT,
            "An itinerary item ends after it starts."),
    OUTSIDE_TRIP(ProblemKind.INVALID_INPUT,
            "An itinerary item lies within the trip's dates."),
    TRIP_NOT_READY(ProblemKind.RULE_VIOLATION,
            "A trip is approved once it has participants and an itinerary."),
    TRIP_NOT_APPROVED(ProblemKind.CONFLICT,
            "Only an approved trip can be completed."),
    TRIP_NOT_BEGUN(ProblemKind.CONFLICT,
            "The trip has not begun: a trip is completed with its report once its first day has come."),
    REPORT_REQUIRED(ProblemKind.INVALID_INPUT,
            "A completed trip has a report of its outcomes."),
    TRIP_CLOSED(ProblemKind.CONFLICT,
            "The trip is already completed or cancelled."),
    REASON_REQUIRED(ProblemKind.INVALID_INPUT,
            "A trip's cancellation states its reason."),
    TRIP_NOT_OPEN(ProblemKind.CONFLICT,
            "The trip's programme can no longer change once it is approved or closed.");

    private final ProblemKind kind;
    private final String meaning;

    TripProblem(ProblemKind kind, String meaning) {
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
