package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.command.fakes.InMemoryRoutingTable;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.fakes.InMemoryPersonKeys;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.events.trip.ParticipantRemovedEvent;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripCancelledEvent;
import dk.greatercph.ope.events.trip.TripCompletedEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static dk.greatercph.ope.command.refusal.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class TripTest {

    private static final TripId TRIP = new TripId("TRP-1");
    private static final LocalDate START = LocalDate.of(2027, 5, 10);
    private static final LocalDate END = LocalDate.of(2027, 5, 16);
    private static final PersonalData PERSONAL_DATA = new PersonalData(new InMemoryPersonKeys());
    private static final PersonId LEADER = new PersonId("PER-leader");
    private static final TripPlannedEvent PLANNED = new TripPlannedEvent(TRIP, 2027, "Jiangsu 2027",
            List.of("Nanjing", "Suzhou"), START, END, PERSONAL_DATA.seal(LEADER, "Chair of the Regional Council"),
            false, null);
    private static final PersonId CHAIR_PERSON = new PersonId("PER-chair");
    private static final ParticipantAddedEvent CHAIR = new ParticipantAddedEvent(TRIP, "PAR-1",
            ParticipantKind.POLITICIAN, CHAIR_PERSON, PERSONAL_DATA.seal(CHAIR_PERSON, "The Chair"),
            PERSONAL_DATA.seal(CHAIR_PERSON, "Chair"), "Region Hovedstaden", null);
    private static final ItineraryItemAddedEvent MEETING = new ItineraryItemAddedEvent(TRIP, "ITI-1",
            LocalDateTime.of(2027, 5, 11, 10, 0), LocalDateTime.of(2027, 5, 11, 12, 0), "Nanjing",
            "Jiangsu Foreign Affairs Office", "Renewal of the agreement", new OperatorId("region"), null,
            "Asia/Shanghai");

    private FixtureConfiguration<Trip> fixture;
    private InMemoryAnnualTrips annualTrips;

    @BeforeEach
    void setUp() {
        annualTrips = new InMemoryAnnualTrips();
        fixture = new AggregateTestFixture<>(Trip.class);
        fixture.registerInjectableResource(annualTrips);
        fixture.registerInjectableResource(PERSONAL_DATA);
        fixture.registerInjectableResource(new dk.greatercph.ope.command.fakes.InMemoryPersonNames());
        InMemoryRoutingTable routing = new InMemoryRoutingTable(1);
        for (String operator : List.of("clean", "chc", "copcap", "woco", "region")) {
            routing.record(new OperatorId(operator), List.of(Theme.TOURISM));
        }
        fixture.registerInjectableResource(routing);
    }

    @Test
    void theFirstTripOfAYearIsTheAnnualTrip() {
        fixture.givenNoPriorActivity()
                .when(plan(TRIP, null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof TripPlannedEvent planned && !planned.extraordinary()
                                && planned.extraordinaryReason() == null && hasSealedLeader(planned)), andNoMore())));
        assertThat(annualTrips.annual).containsEntry(2027, TRIP);
    }

    @Test
    void aSecondTripInTheSameYearWithoutAReasonIsRefused() {
        annualTrips.claim(2027, new TripId("TRP-annual"));

        fixture.givenNoPriorActivity()
                .when(plan(TRIP, "  "))
                .expectException(refusedWith("ANNUAL_TRIP_EXISTS", ProblemKind.RULE_VIOLATION))
                .expectExceptionMessage("2027 already has its annual trip; a further trip is extraordinary and needs a reason.")
                .expectNoEvents();
    }

    @Test
    void aSecondTripInTheSameYearWithAReasonIsExtraordinary() {
        annualTrips.claim(2027, new TripId("TRP-annual"));

        fixture.givenNoPriorActivity()
                .when(plan(TRIP, "Signing ceremony"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof TripPlannedEvent planned && planned.extraordinary()
                                && "Signing ceremony".equals(planned.extraordinaryReason())
                                && hasSealedLeader(planned)), andNoMore())));
    }

    /** The year's first trip with a reason became the annual trip, its reason dropped, and the annual one was refused. */
    @Test
    void aTripWithAReasonIsExtraordinaryAndLeavesTheAnnualTripsPlaceFree() {
        fixture.givenNoPriorActivity()
                .when(plan(TRIP, "Signing ceremony"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof TripPlannedEvent planned && planned.extraordinary()
                                && "Signing ceremony".equals(planned.extraordinaryReason())), andNoMore())));
        assertThat(annualTrips.annual).doesNotContainKey(2027);
    }

    @Test
    void refusesATripThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new PlanTripCommand(TRIP, 2027, "Backwards", List.of("Nanjing"), END, START, "Chair", LEADER, null))
                .expectException(refusedWith("INVALID_DATES", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void refusesATripWhoseYearIsNotItsStartYear() {
        fixture.givenNoPriorActivity()
                .when(new PlanTripCommand(TRIP, 2028, "Wrong year", List.of("Nanjing"), START, END, "Chair", LEADER, null))
                .expectException(refusedWith("YEAR_MISMATCH", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void addsAParticipantWithNameAndTitleAsCiphertextOnly() {
        fixture.given(PLANNED)
                .when(new AddParticipantCommand(TRIP, "PAR-1", ParticipantKind.POLITICIAN, CHAIR_PERSON, "The Chair",
                        "Chair", "Region Hovedstaden", null, null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                        payload instanceof ParticipantAddedEvent added
                                && !added.name().sealed().contains("Chair") && !added.title().sealed().contains("Chair")
                                && PERSONAL_DATA.open(added.name()).orElseThrow().equals("The Chair")
                                && PERSONAL_DATA.open(added.title()).orElseThrow().equals("Chair")
                                && added.personId().equals(CHAIR_PERSON)), andNoMore())))
                .expectResultMessagePayload(new CommandResult(1, null));
    }

    @Test
    void removesAParticipant() {
        fixture.given(PLANNED, CHAIR)
                .when(new RemoveParticipantCommand(TRIP, "PAR-1", null))
                .expectEvents(new ParticipantRemovedEvent(TRIP, "PAR-1"));
    }

    @Test
    void refusesAnOperatorParticipantWithoutItsOperator() {
        fixture.given(PLANNED)
                .when(new AddParticipantCommand(TRIP, "PAR-2", ParticipantKind.OPERATOR, new PersonId("PER-2"), "Someone",
                        null, null, null, null))
                .expectException(refusedWith("OPERATOR_REQUIRED", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    /** A politician naming chc made chc see the trip as one it travels with. */
    @Test
    void refusesAnOperatorOnAParticipantOfAnotherKind() {
        fixture.given(PLANNED)
                .when(new AddParticipantCommand(TRIP, "PAR-2", ParticipantKind.POLITICIAN, new PersonId("PER-2"), "P",
                        null, null, new OperatorId("chc"), null))
                .expectException(refusedWith("OPERATOR_NOT_EXPECTED", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void refusesRemovingSomeoneWhoIsNotOnTheTrip() {
        fixture.given(PLANNED)
                .when(new RemoveParticipantCommand(TRIP, "PAR-9", null))
                .expectException(refusedWith("PARTICIPANT_NOT_FOUND", ProblemKind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void addsAnItineraryItemTiedToAnOperatorObjective() {
        fixture.given(PLANNED)
                .when(new AddItineraryItemCommand(TRIP, "ITI-1", MEETING.startsAt(), MEETING.endsAt(), "Nanjing",
                        "Jiangsu Foreign Affairs Office", "Renewal of the agreement", new OperatorId("region"), null, null, null))
                .expectEvents(MEETING);
    }

    @Test
    void refusesAnItineraryItemOutsideTheTrip() {
        fixture.given(PLANNED)
                .when(new AddItineraryItemCommand(TRIP, "ITI-2", LocalDateTime.of(2027, 6, 1, 10, 0),
                        LocalDateTime.of(2027, 6, 1, 11, 0), "Beijing", "Someone", null, null, null, null, null))
                .expectException(refusedWith("OUTSIDE_TRIP", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void approvesAStaffedTripWithAnItinerary() {
        fixture.given(PLANNED, CHAIR, MEETING)
                .when(new ApproveTripCommand(TRIP, null))
                .expectEvents(new TripApprovedEvent(TRIP));
    }

    @Test
    void refusesToApproveATripWithoutAnItinerary() {
        fixture.given(PLANNED, CHAIR)
                .when(new ApproveTripCommand(TRIP, null))
                .expectException(refusedWith("TRIP_NOT_READY", ProblemKind.RULE_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void refusesChangesToAnApprovedProgramme() {
        fixture.given(PLANNED, CHAIR, MEETING, new TripApprovedEvent(TRIP))
                .when(new RemoveParticipantCommand(TRIP, "PAR-1", null))
                .expectException(refusedWith("TRIP_NOT_OPEN", ProblemKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void completesAnApprovedTripWithItsReport() {
        List<FollowUp> followUps = List.of(new FollowUp(new OperatorId("copcap"), "Battery plant lead"));
        fixture.given(PLANNED, CHAIR, MEETING, new TripApprovedEvent(TRIP))
                .andGivenCurrentTime(START.atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen")).toInstant())
                .when(new CompleteTripCommand(TRIP, "Agreement renewed", List.of("MoU health"), followUps, null))
                .expectEvents(new TripCompletedEvent(TRIP, "Agreement renewed", List.of("MoU health"), followUps));
    }

    @Test
    void refusesToCompleteATripThatHasNotBegun() {
        fixture.given(PLANNED, CHAIR, MEETING, new TripApprovedEvent(TRIP))
                .andGivenCurrentTime(START.atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen")).toInstant()
                        .minusSeconds(1))
                .when(new CompleteTripCommand(TRIP, "Too early", List.of(), List.of(), null))
                .expectException(refusedWith("TRIP_NOT_BEGUN", ProblemKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesToCompleteATripThatWasNotApproved() {
        fixture.given(PLANNED)
                .when(new CompleteTripCommand(TRIP, "Nothing", List.of(), List.of(), null))
                .expectException(refusedWith("TRIP_NOT_APPROVED", ProblemKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void cancellingTheAnnualTripFreesItsYear() {
        annualTrips.claim(2027, TRIP);

        fixture.given(PLANNED)
                .when(new CancelTripCommand(TRIP, "Postponed", null))
                .expectEvents(new TripCancelledEvent(TRIP, "Postponed"));
        assertThat(annualTrips.annual).doesNotContainKey(2027);
    }

    @Test
    void refusesToCancelACompletedTrip() {
        fixture.given(PLANNED, CHAIR, MEETING, new TripApprovedEvent(TRIP),
                        new TripCompletedEvent(TRIP, "Done", List.of(), List.of()))
                .when(new CancelTripCommand(TRIP, "Too late", null))
                .expectException(refusedWith("TRIP_CLOSED", ProblemKind.CONFLICT))
                .expectNoEvents();
    }

    private static PlanTripCommand plan(TripId id, String reason) {
        return new PlanTripCommand(id, 2027, "Jiangsu 2027", List.of("Nanjing", "Suzhou"), START, END,
                "Chair of the Regional Council", LEADER, reason);
    }

    /** R9: the leader's name is in the event only as ciphertext under the leader's key. */
    private static boolean hasSealedLeader(TripPlannedEvent planned) {
        return planned.tripId().equals(TRIP) && planned.title().equals("Jiangsu 2027")
                && planned.leader().personId().equals(LEADER) && !planned.leader().sealed().contains("Chair")
                && PERSONAL_DATA.open(planned.leader()).orElseThrow().equals("Chair of the Regional Council");
    }
}
