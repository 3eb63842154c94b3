package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.fakes.InMemoryBookings;
import dk.greatercph.ope.command.fakes.InMemoryDirectory;
import dk.greatercph.ope.command.fakes.InMemoryPersonKeys;
import dk.greatercph.ope.command.fakes.InMemoryRequestHistory;
import dk.greatercph.ope.command.fakes.InMemoryDelegationOperators;
import dk.greatercph.ope.command.fakes.InMemoryRoutingTable;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.ConfirmationRefusedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageRecordedEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationMemberAddedEvent;
import dk.greatercph.ope.events.delegation.DelegationMemberRemovedEvent;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.ProblemKind;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static dk.greatercph.ope.command.refusal.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** Every command of the delegation and every refusal of rules R1-R6 and R8, on the aggregate alone. */
class DelegationTest {

    private static final DelegationId ID = new DelegationId("DEL-test-1");
    private static final OperatorId CHC = new OperatorId("chc");
    private static final OperatorId COPCAP = new OperatorId("copcap");
    private static final OperatorId CLEAN = new OperatorId("clean");
    private static final OperatorId REGION = new OperatorId("region");
    private static final LocalDate FROM = LocalDate.of(2027, 4, 12);
    private static final LocalDate TO = LocalDate.of(2027, 4, 16);
    private static final LocalDate RECEIVED = LocalDate.of(2027, 1, 20);
    /** A Friday morning in Copenhagen. */
    private static final Instant FRIDAY = ZonedDateTime.parse("2027-03-05T10:00:00+01:00[Europe/Copenhagen]").toInstant();
    /** Three working days later: Wednesday, same time. */
    private static final Instant WEDNESDAY = ZonedDateTime.parse("2027-03-10T10:00:00+01:00[Europe/Copenhagen]").toInstant();
    private static final VenueId HALL = new VenueId("VEN-hall");
    private static final VenueId WARD = new VenueId("VEN-ward");
    private static final OperatorId WOCO = new OperatorId("woco");
    private static final PartnerId HOSPITAL = new PartnerId("PRT-hospital");
    private static final PartnerId COMPANY = new PartnerId("PRT-company");
    private static final Instant ITEM_START = Instant.parse("2027-04-13T08:00:00Z");
    private static final Instant ITEM_END = Instant.parse("2027-04-13T10:00:00Z");

    private static final DelegationRegisteredEvent REGISTERED = registered(DelegationType.ADMINISTRATIVE, "Tele-health partners");
    private static final DelegationScreenedEvent SCREENED = new DelegationScreenedEvent(ID, false, List.of(), "Solid");
    private static final DelegationRoutedEvent ROUTED = new DelegationRoutedEvent(ID, CHC, List.of(COPCAP), 11, false,
            "R1 routing table v11, rules R1.2: HEALTH_WELFARE_TECH -> chc; INVESTMENT -> copcap");
    private static final AssignmentOfferedEvent OFFERED_CHC = new AssignmentOfferedEvent(ID, CHC, AssignmentRole.LEAD, WEDNESDAY);
    private static final DelegationRoutedEvent ROUTED_POLITICAL = new DelegationRoutedEvent(ID, REGION, List.of(CHC, COPCAP),
            11, false, "R1 routing table v11, rules R1.2: political delegation -> led by region; "
            + "HEALTH_WELFARE_TECH -> chc; INVESTMENT -> copcap");
    private static final AssignmentOfferedEvent OFFERED_REGION =
            new AssignmentOfferedEvent(ID, REGION, AssignmentRole.LEAD, WEDNESDAY);
    private static final AssignmentOfferedEvent OFFERED_CHC_SUPPORTING =
            new AssignmentOfferedEvent(ID, CHC, AssignmentRole.SUPPORTING, WEDNESDAY);
    private static final AssignmentOfferedEvent OFFERED_COPCAP =
            new AssignmentOfferedEvent(ID, COPCAP, AssignmentRole.SUPPORTING, WEDNESDAY);
    private static final AssignmentAcceptedEvent ACCEPTED_CHC = new AssignmentAcceptedEvent(ID, CHC, AssignmentRole.LEAD);
    private static final ProgrammeItemAddedEvent HOSPITAL_VISIT = new ProgrammeItemAddedEvent(ID, "ITM-1",
            ProgrammeItemKind.HOSPITAL_VISIT, "Tele-medicine centre", ITEM_START, ITEM_END, HALL, HOSPITAL, true, CHC, false);

    private FixtureConfiguration<Delegation> fixture;
    private InMemoryRequestHistory history;
    private InMemoryBookings bookings;
    private InMemoryDelegationOperators operators;

    @BeforeEach
    void setUp() {
        history = new InMemoryRequestHistory();
        bookings = new InMemoryBookings();
        operators = new InMemoryDelegationOperators();
        InMemoryRoutingTable routing = new InMemoryRoutingTable(6);
        routing.record(CLEAN, List.of(Theme.GREEN_GROWTH));
        routing.record(CHC, List.of(Theme.HEALTH_WELFARE_TECH));
        routing.record(COPCAP, List.of(Theme.INVESTMENT, Theme.TALENT));
        routing.record(new OperatorId("woco"), List.of(Theme.TOURISM));
        routing.record(new OperatorId("region"), List.of(Theme.POLITICAL_DIALOGUE));
        InMemoryDirectory directory = new InMemoryDirectory();
        directory.addVenue(HALL, "Hall", VenueKind.OTHER);
        directory.addVenue(WARD, "Tele-medicine ward", VenueKind.HOSPITAL);
        directory.addPartner(HOSPITAL, "Rigshospitalet", true);
        directory.addPartner(COMPANY, "Welfare Robotics", false);
        fixture = new AggregateTestFixture<>(Delegation.class);
        fixture.registerInjectableResource(history);
        fixture.registerInjectableResource(routing);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(bookings);
        fixture.registerInjectableResource(operators);
        fixture.registerInjectableResource(new AssignmentPolicy(3, null));
        fixture.registerInjectableResource(PERSONAL_DATA);
        fixture.registerInjectableResource(new dk.greatercph.ope.command.fakes.InMemoryPersonNames());
    }

    private static final PersonalData PERSONAL_DATA = new PersonalData(new InMemoryPersonKeys());

    /** Registration: a request names its themes, a date window and its size. */
    @Nested
    class Registration {

        @Test
        void registersAnIncomingRequest() {
            fixture.givenNoPriorActivity()
                    .when(register(DelegationType.ADMINISTRATIVE, "Tele-health partners", List.of(Theme.HEALTH_WELFARE_TECH,
                            Theme.INVESTMENT), FROM, TO, 12))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(REGISTERED);
        }

        @Test
        void refusesARequestWithoutThemes() {
            fixture.givenNoPriorActivity()
                    .when(register(DelegationType.BUSINESS, "x", List.of(), FROM, TO, 12))
                    .expectException(refusedWith("THEMES_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectExceptionMessage("A delegation request names at least one theme.")
                    .expectNoEvents();
        }

        @Test
        void refusesADateWindowThatEndsBeforeItStarts() {
            fixture.givenNoPriorActivity()
                    .when(register(DelegationType.BUSINESS, "x", List.of(Theme.TOURISM), TO, FROM, 12))
                    .expectException(refusedWith("INVALID_DATE_WINDOW", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }

        @Test
        void refusesAnEmptyDelegation() {
            fixture.givenNoPriorActivity()
                    .when(register(DelegationType.BUSINESS, "x", List.of(Theme.TOURISM), FROM, TO, 0))
                    .expectException(refusedWith("INVALID_HEAD_COUNT", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }
    }

    /** Screening: the desk assesses the request and repeats are flagged (R8). */
    @Nested
    class Screening {

        @Test
        void screeningWithoutEarlierRequestsIsNoRepeat() {
            fixture.given(REGISTERED)
                    .when(new ScreenDelegationCommand(ID, "Solid", null))
                    .expectEvents(SCREENED)
                    .expectResultMessagePayload(new CommandResult(1, null));
        }

        @Test
        void screeningFlagsARepeatRequestR8() {
            DelegationId earlier = new DelegationId("DEL-earlier");
            history.knowsThat(ID, earlier);

            fixture.given(REGISTERED)
                    .when(new ScreenDelegationCommand(ID, "Again", null))
                    .expectEvents(new DelegationScreenedEvent(ID, true, List.of(earlier), "Again"));
        }
    }

    /** Routing: by theme through the routing table (R1), only with a business focus (R2), or by override. */
    @Nested
    class Routing {

        @Test
        void routesByThemeWithTheRoutingVersionAndOffersAssignmentsR1() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED)
                    .when(route())
                    .expectEvents(ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .expectScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "chc")
                    .expectScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "copcap");
        }

        @Test
        void refusesToRouteANonPoliticalDelegationWithoutBusinessOpportunityR2() {
            fixture.given(registered(DelegationType.BUSINESS, null), SCREENED)
                    .when(route())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RoutingRefusedEvent(ID, "NO_BUSINESS_FOCUS",
                            "A delegation of type BUSINESS without political dialogue among its themes is routed only "
                                    + "with a stated business opportunity (R2)."))
                    .expectResultMessagePayloadMatching(predicate(r -> ((CommandResult) r).refusal().code().equals("NO_BUSINESS_FOCUS")));
        }

        /** R1 leads a delegation on political dialogue by the Region; R2 asked it for a business opportunity first. */
        @Test
        void routesADelegationOnPoliticalDialogueWithoutBusinessOpportunity() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(registered(DelegationType.ADMINISTRATIVE, null, List.of(Theme.POLITICAL_DIALOGUE)), SCREENED)
                    .when(route())
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof DelegationRoutedEvent routed && routed.lead().equals(REGION)),
                            predicate(e -> e instanceof AssignmentOfferedEvent), andNoMore())));
        }

        @Test
        void routesAPoliticalDelegationWithoutBusinessOpportunity() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(registered(DelegationType.POLITICAL, null), SCREENED)
                    .when(route())
                    .expectEvents(ROUTED_POLITICAL, OFFERED_REGION, OFFERED_CHC_SUPPORTING, OFFERED_COPCAP);
        }

        @Test
        void aDelegationOnPoliticalDialogueIsLedByTheRegionWhateverItsType() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(registered(DelegationType.BUSINESS, "Tele-health partners",
                            List.of(Theme.POLITICAL_DIALOGUE, Theme.HEALTH_WELFARE_TECH, Theme.INVESTMENT)), SCREENED)
                    .when(route())
                    .expectEvents(new DelegationRoutedEvent(ID, REGION, List.of(CHC, COPCAP), 11, false,
                                    "R1 routing table v11, rules R1.2: political delegation -> led by region; "
                                            + "HEALTH_WELFARE_TECH -> chc; INVESTMENT -> copcap; POLITICAL_DIALOGUE -> region"),
                            OFFERED_REGION, OFFERED_CHC_SUPPORTING, OFFERED_COPCAP);
        }

        @Test
        void everyOfferIsRecordedAsAnOperatorOfTheDelegation() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(registered(DelegationType.POLITICAL, null), SCREENED)
                    .when(route())
                    .expectEvents(ROUTED_POLITICAL, OFFERED_REGION, OFFERED_CHC_SUPPORTING, OFFERED_COPCAP);
            assertThat(operators.everOffered(ID.value(), REGION.value())).isTrue();
            assertThat(operators.everOffered(ID.value(), CHC.value())).isTrue();
            assertThat(operators.everOffered(ID.value(), COPCAP.value())).isTrue();
            assertThat(operators.everOffered(ID.value(), "clean")).isFalse();
        }

        @Test
        void theDeskOverridesRoutingWithAReason() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED)
                    .when(new RouteDelegationCommand(ID, COPCAP, List.of(), "Asked for Copenhagen Capacity by name", null))
                    .expectEvents(new DelegationRoutedEvent(ID, COPCAP, List.of(), 11, true, "Asked for Copenhagen Capacity by name"),
                            new AssignmentOfferedEvent(ID, COPCAP, AssignmentRole.LEAD, WEDNESDAY));
        }

        @Test
        void refusesAnOverrideWithoutAReason() {
            fixture.given(REGISTERED, SCREENED)
                    .when(new RouteDelegationCommand(ID, COPCAP, List.of(), " ", null))
                    .expectException(refusedWith("OVERRIDE_REASON_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }

        /** Supporting operators or a reason without a lead were dropped, and the table routed as if nothing was asked. */
        @Test
        void refusesAnOverrideWithoutItsLead() {
            fixture.given(REGISTERED, SCREENED)
                    .when(new RouteDelegationCommand(ID, null, List.of(COPCAP), "The delegation asked for it", null))
                    .expectException(refusedWith("OVERRIDE_LEAD_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
            fixture.given(REGISTERED, SCREENED)
                    .when(new RouteDelegationCommand(ID, null, List.of(), "A reason alone", null))
                    .expectException(refusedWith("OVERRIDE_LEAD_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }

        @Test
        void refusesToRouteBeforeScreening() {
            fixture.given(REGISTERED)
                    .when(route())
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        /** Routed again by the table after its lead declined, the delegation was offered to the same lead again. */
        @Test
        void routingByTheTableLeavesOutTheOperatorsThatDeclined() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP,
                            new AssignmentDeclinedEvent(ID, CHC, AssignmentRole.LEAD, "No capacity", true),
                            new AssignmentWithdrawnEvent(ID, COPCAP))
                    .when(route())
                    .expectEvents(new DelegationRoutedEvent(ID, COPCAP, List.of(), 11, false,
                                    "R1 routing table v11, rules R1.2: INVESTMENT -> copcap; left out, having declined: chc"),
                            new AssignmentOfferedEvent(ID, COPCAP, AssignmentRole.LEAD, WEDNESDAY));
        }

        @Test
        void reRoutingWithdrawsUnansweredOffers() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new RouteDelegationCommand(ID, CHC, List.of(), "Copenhagen Capacity is not needed", null))
                    .expectEvents(new AssignmentWithdrawnEvent(ID, CHC), new AssignmentWithdrawnEvent(ID, COPCAP),
                            new DelegationRoutedEvent(ID, CHC, List.of(), 11, true, "Copenhagen Capacity is not needed"),
                            new AssignmentOfferedEvent(ID, CHC, AssignmentRole.LEAD, WEDNESDAY));
        }
    }

    /** Assignments: the operators answer their offers, and unanswered ones escalate (R5). */
    @Nested
    class Assignments {

        @Test
        void theOperatorAcceptsItsAssignmentAndItsDeadlineIsCancelled() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(register(DelegationType.ADMINISTRATIVE, "Tele-health partners",
                                    List.of(Theme.HEALTH_WELFARE_TECH, Theme.INVESTMENT), FROM, TO, 12),
                            new ScreenDelegationCommand(ID, "Solid", null), route())
                    .when(new AcceptAssignmentCommand(ID, CHC, null), MetaData.with(ActorMetadata.OPERATOR, "chc"))
                    .expectEvents(ACCEPTED_CHC)
                    .expectNoScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "chc")
                    .expectScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "copcap");
        }

        @Test
        void anOperatorCannotAnswerForAnotherOperator() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new AcceptAssignmentCommand(ID, CHC, null), MetaData.with(ActorMetadata.OPERATOR, "copcap"))
                    .expectException(refusedWith("NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectExceptionMessage("No such resource.")
                    .expectNoEvents();
        }

        @Test
        void anOfferOnAClosedDelegationCanNoLongerBeAnswered() {
            for (List<Object> given : closedHistories()) {
                fixture.given(given)
                        .when(new AcceptAssignmentCommand(ID, CHC, null), MetaData.with(ActorMetadata.OPERATOR, "chc"))
                        .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                        .expectNoEvents();
            }
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP,
                            new DelegationCancelledEvent(ID, "Travel ban"))
                    .when(new DeclineAssignmentCommand(ID, COPCAP, "Too late", null),
                            MetaData.with(ActorMetadata.OPERATOR, "copcap"))
                    .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void anOperatorWithoutAnAssignmentDoesNotSeeTheDelegation() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new AcceptAssignmentCommand(ID, CLEAN, null), MetaData.with(ActorMetadata.OPERATOR, "clean"))
                    .expectException(refusedWith("NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectExceptionMessage("No such resource.");
        }

        /** The supporting offer nobody answered goes back with the delegation: it could be accepted with no lead. */
        @Test
        void aDecliningLeadSendsTheDelegationBackToTheDeskWithTheOffersNobodyAnswered() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new DeclineAssignmentCommand(ID, CHC, "No capacity", null))
                    .expectEvents(new AssignmentDeclinedEvent(ID, CHC, AssignmentRole.LEAD, "No capacity", true),
                            new AssignmentWithdrawnEvent(ID, COPCAP));
        }

        @Test
        void refusesToAnswerAnAssignmentTwice() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC)
                    .when(new DeclineAssignmentCommand(ID, CHC, "Changed our mind", null))
                    .expectException(refusedWith("ASSIGNMENT_ANSWERED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void escalatesAssignmentAfterThreeWorkingDaysR5() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(registerCommand(), new ScreenDelegationCommand(ID, "Solid", null), route())
                    .whenTimeAdvancesTo(WEDNESDAY.plusSeconds(60))
                    .expectEvents(new AssignmentEscalatedEvent(ID, CHC, WEDNESDAY),
                            new AssignmentEscalatedEvent(ID, COPCAP, WEDNESDAY));
        }

        @Test
        void doesNotEscalateAfterAWeekendAlone() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(registerCommand(), new ScreenDelegationCommand(ID, "Solid", null), route())
                    .whenTimeElapses(Duration.ofDays(3))
                    .expectNoEvents()
                    .expectTriggeredDeadlines()
                    .expectScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "chc");
        }

        @Test
        void doesNotEscalateOnceAnswered() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(registerCommand(), new ScreenDelegationCommand(ID, "Solid", null), route(),
                            new AcceptAssignmentCommand(ID, CHC, null),
                            new DeclineAssignmentCommand(ID, COPCAP, "Not our field", null))
                    .whenTimeElapses(Duration.ofDays(10))
                    .expectNoEvents();
        }

        @Test
        void theDeskCannotAnswerForAnOperatorWithoutAnAssignment() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new AcceptAssignmentCommand(ID, CLEAN, null))
                    .expectException(refusedWith("ASSIGNMENT_NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnAssignmentCannotBeAnswered() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, new AssignmentWithdrawnEvent(ID, COPCAP))
                    .when(new AcceptAssignmentCommand(ID, COPCAP, null))
                    .expectException(refusedWith("ASSIGNMENT_NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void answeringOneAssignmentLeavesTheOtherOpen() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC)
                    .when(new DeclineAssignmentCommand(ID, COPCAP, "Not our field", null))
                    .expectEvents(new AssignmentDeclinedEvent(ID, COPCAP, AssignmentRole.SUPPORTING, "Not our field", false));
        }

        @Test
        void refusesADeclineWithoutAReason() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new DeclineAssignmentCommand(ID, COPCAP, " ", null))
                    .expectException(refusedWith("REASON_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }
    }

    /** Scope expansion: themes added after routing are requested and decided (R4). */
    @Nested
    class ScopeExpansion {

        /** Asked twice, both requests were approved, the second expanding nothing. */
        @Test
        void refusesToAskAgainForAThemeAnOpenRequestAsksFor() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Hotels too"))
                    .when(new RequestScopeExpansionCommand(ID, "SCP-2", List.of(Theme.TOURISM, Theme.TALENT), "Again",
                            null))
                    .expectException(refusedWith("SCOPE_REQUEST_PENDING", ProblemKind.CONFLICT))
                    .expectNoEvents();
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Hotels too"),
                            new ScopeExpansionRejectedEvent(ID, "SCP-1", "Not now"))
                    .when(new RequestScopeExpansionCommand(ID, "SCP-2", List.of(Theme.TOURISM), "Asked again later",
                            null))
                    .expectEvents(new ScopeExpansionRequestedEvent(ID, "SCP-2", List.of(Theme.TOURISM),
                            "Asked again later"));
        }

        @Test
        void scopeExpansionAfterRoutingIsRequestedAndApprovedR4() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new RequestScopeExpansionCommand(ID, "SCP-1", List.of(Theme.TOURISM), "Also tourism", null))
                    .expectEvents(new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Also tourism"));
            // a theme it has already, beside a new one, was dropped without a word and the rest recorded
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP)
                    .when(new RequestScopeExpansionCommand(ID, "SCP-1", List.of(Theme.TOURISM, Theme.INVESTMENT),
                            "Also tourism", null))
                    .expectException(refusedWith("NOTHING_TO_EXPAND", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Also tourism"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectEvents(new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TOURISM)),
                            new AssignmentOfferedEvent(ID, WOCO, AssignmentRole.SUPPORTING, WEDNESDAY));
        }

        @Test
        void approvalOffersTheNewThemesOperatorASupportingAssignmentWithItsDeadlineR4() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Hotels too"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectEvents(new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TOURISM)),
                            new AssignmentOfferedEvent(ID, WOCO, AssignmentRole.SUPPORTING, WEDNESDAY))
                    .expectScheduledDeadlineWithName(WEDNESDAY, Delegation.DEADLINE_PREFIX + "woco");
            assertThat(operators.everOffered(ID.value(), WOCO.value())).isTrue();
        }

        @Test
        void approvalOffersNothingToAnOperatorAlreadyOnTheDelegationR4() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP,
                            new AssignmentAcceptedEvent(ID, COPCAP, AssignmentRole.SUPPORTING),
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TALENT), "Talent programme"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectEvents(new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TALENT)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void approvalOffersTheNewScopeToAnOperatorThatHadDeclinedR4() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP,
                            new AssignmentDeclinedEvent(ID, COPCAP, AssignmentRole.SUPPORTING, "Not our field", false),
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TALENT), "Talent programme"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectEvents(new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TALENT)),
                            new AssignmentOfferedEvent(ID, COPCAP, AssignmentRole.SUPPORTING, WEDNESDAY));
        }

        @Test
        void approvalAfterTheLeadSentTheDelegationBackToTheDeskLeavesTheOffersToItsNextRoutingR4() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Hotels too"),
                            new AssignmentDeclinedEvent(ID, CHC, AssignmentRole.LEAD, "No capacity", true))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectEvents(new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TOURISM)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void theOperatorOfferedByAnApprovalAnswersItsAssignmentR4() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGiven(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "Hotels too"),
                            new ScopeExpansionApprovedEvent(ID, "SCP-1", List.of(Theme.TOURISM)),
                            new AssignmentOfferedEvent(ID, WOCO, AssignmentRole.SUPPORTING, WEDNESDAY))
                    .when(new AcceptAssignmentCommand(ID, WOCO, null), MetaData.with(ActorMetadata.OPERATOR, "woco"))
                    .expectEvents(new AssignmentAcceptedEvent(ID, WOCO, AssignmentRole.SUPPORTING));
        }

        @Test
        void aScopeRequestOnACompletedOrClosedDelegationAnswersDelegationClosedR4() {
            for (List<Object> given : closedHistories()) {
                fixture.given(given)
                        .when(new RequestScopeExpansionCommand(ID, "SCP-1", List.of(Theme.TOURISM), "More", null))
                        .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesToApproveAScopeRequestOnceTheDelegationIsClosedR4() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC,
                            new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "More"),
                            new DelegationWithdrawnEvent(ID, "Programme fell through"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void aRejectedScopeExpansionCannotBeApprovedR4() {
            ScopeExpansionRequestedEvent requested = new ScopeExpansionRequestedEvent(ID, "SCP-1", List.of(Theme.TOURISM), "More");
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, requested)
                    .when(new RejectScopeExpansionCommand(ID, "SCP-1", "Depth before breadth", null))
                    .expectEvents(new ScopeExpansionRejectedEvent(ID, "SCP-1", "Depth before breadth"));
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, requested,
                            new ScopeExpansionRejectedEvent(ID, "SCP-1", "Depth before breadth"))
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-1", null))
                    .expectException(refusedWith("SCOPE_REQUEST_CLOSED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void scopeExpansionBeforeRoutingIsRefused() {
            fixture.given(REGISTERED, SCREENED)
                    .when(new RequestScopeExpansionCommand(ID, "SCP-1", List.of(Theme.TOURISM), "More", null))
                    .expectException(refusedWith("NOT_ROUTED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesToDecideAnUnknownScopeRequest() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC)
                    .when(new ApproveScopeExpansionCommand(ID, "SCP-9", null))
                    .expectException(refusedWith("SCOPE_REQUEST_NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    /** Programme: the accepted operators and the desk plan the visit item by item. */
    @Nested
    class Programme {

        @Test
        void theAcceptedLeadPlansAProgrammeItem() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC)
                    .when(addHospitalVisit(), MetaData.with(ActorMetadata.OPERATOR, "chc"))
                    .expectEvents(HOSPITAL_VISIT);
        }

        @Test
        void anOperatorThatHasNotAcceptedCannotPlan() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC)
                    .when(addHospitalVisit(), MetaData.with(ActorMetadata.OPERATOR, "copcap"))
                    .expectException(refusedWith("ASSIGNMENT_NOT_ACCEPTED", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesAProgrammeItemAtAnUnknownVenue() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC)
                    .when(new AddProgrammeItemCommand(ID, "ITM-2", ProgrammeItemKind.MEETING, "Meeting", ITEM_START,
                            ITEM_END, new VenueId("VEN-nowhere"), null, null))
                    .expectException(refusedWith("UNKNOWN_VENUE", ProblemKind.RULE_VIOLATION))
                    .expectNoEvents();
        }

        @Test
        void refusesToPlanBeforeTheLeadAccepted() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC)
                    .when(addHospitalVisit())
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void changesAndRemovesProgrammeItems() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new ChangeProgrammeItemCommand(ID, "ITM-1", ProgrammeItemKind.COMPANY_VISIT, "Robots",
                            ITEM_START, ITEM_END, HALL, COMPANY, null))
                    .expectEvents(new ProgrammeItemChangedEvent(ID, "ITM-1", ProgrammeItemKind.COMPANY_VISIT, "Robots",
                            ITEM_START, ITEM_END, HALL, COMPANY, false, false));
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new RemoveProgrammeItemCommand(ID, "ITM-1", null))
                    .expectEvents(new ProgrammeItemRemovedEvent(ID, "ITM-1"));
        }

        @Test
        void anOperatorChangesOnlyTheItemsItAdded() {
            ProgrammeItemAddedEvent byTheDesk = new ProgrammeItemAddedEvent(ID, "ITM-2", ProgrammeItemKind.MEETING,
                    "Meeting", ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, OFFERED_COPCAP, ACCEPTED_CHC,
                            new AssignmentAcceptedEvent(ID, COPCAP, AssignmentRole.SUPPORTING), byTheDesk)
                    .when(new RemoveProgrammeItemCommand(ID, "ITM-2", null), MetaData.with(ActorMetadata.OPERATOR, "copcap"))
                    .expectException(refusedWith("ITEM_OF_ANOTHER_OPERATOR", ProblemKind.FORBIDDEN))
                    .expectNoEvents();
        }

        @Test
        void refusesToChangeAnUnknownItem() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new RemoveProgrammeItemCommand(ID, "ITM-9", null))
                    .expectException(refusedWith("ITEM_NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesAnItemIdTwice() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(addHospitalVisit())
                    .expectException(refusedWith("ITEM_EXISTS", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0", "-0.00"})
        void refusesCostCoverageWithAnAmountNotAboveZero(String amount) {
            // an agreement that nobody pays met R3 and let the hospital visit be confirmed
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new RecordCostCoverageCommand(ID, "ITM-1", "Jiangsu Health Commission", "Agreement",
                            new BigDecimal(amount), null, null))
                    .expectException(refusedWith("INVALID_AMOUNT", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"XXX", "XTS"})
        void refusesCostCoverageInNoCurrency(String currency) {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new RecordCostCoverageCommand(ID, "ITM-1", "Jiangsu Health Commission", "Agreement",
                            new BigDecimal("100"), currency, null))
                    .expectException(refusedWith("INVALID_CURRENCY", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }
    }

    /** Confirmation: only with cost coverage for hospital hosts (R3) and without double bookings (R6). */
    @Nested
    class Confirmation {

        @Test
        void refusesToConfirmAHospitalVisitWithoutCostCoverageR3() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ConfirmationRefusedEvent(ID, "COST_COVERAGE_MISSING",
                            "Items hosted by a hospital or held at one need a cost-coverage agreement before confirmation (R3): [ITM-1]",
                            List.of("ITM-1")))
                    .expectResultMessagePayloadMatching(predicate(r -> ((CommandResult) r).refusal().code().equals("COST_COVERAGE_MISSING")));
        }

        @Test
        void confirmsOnceCostCoverageIsRecorded() {
            CostCoverageRecordedEvent covered = new CostCoverageRecordedEvent(ID, "ITM-1", "Jiangsu Health Commission",
                    "Agreement 2027-03", new BigDecimal("45000.00"), "DKK");
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new RecordCostCoverageCommand(ID, "ITM-1", "Jiangsu Health Commission", "Agreement 2027-03",
                            new BigDecimal("45000.00"), null, null))
                    .expectEvents(covered);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT, covered)
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectEvents(new DelegationConfirmedEvent(ID));
        }

        @Test
        void refusesToConfirmWhenTheVenueIsBookedByAnotherConfirmedProgrammeR6() {
            bookings.bookAll(new DelegationId("DEL-other"), List.of(new Bookings.Booking("ITM-other", HALL, null,
                    ITEM_START.plusSeconds(1800), ITEM_END.plusSeconds(1800))));
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);

            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting)
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ConfirmationRefusedEvent(ID, "DOUBLE_BOOKING",
                            "A venue or host of these items is already booked by a confirmed programme at that time (R6): [ITM-1]",
                            List.of("ITM-1")))
                    .expectResultMessagePayloadMatching(predicate(r -> ((CommandResult) r).refusal().code().equals("DOUBLE_BOOKING")
                            && ((CommandResult) r).refusal().kind() == ProblemKind.CONFLICT));
        }

        @Test
        void aConfirmedProgrammeIsFixed() {
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID))
                    .when(new RemoveProgrammeItemCommand(ID, "ITM-1", null))
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void costCoverageCountsOnlyForTheItemItNamesR3() {
            ProgrammeItemAddedEvent secondVisit = new ProgrammeItemAddedEvent(ID, "ITM-2", ProgrammeItemKind.HOSPITAL_VISIT,
                    "Ward round", ITEM_START.plusSeconds(86400), ITEM_END.plusSeconds(86400), HALL, HOSPITAL, true, CHC, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT, secondVisit,
                            new CostCoverageRecordedEvent(ID, "ITM-1", "Jiangsu Health Commission", "Agreement 2027-03",
                                    new BigDecimal("45000.00"), "DKK"))
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectEvents(new ConfirmationRefusedEvent(ID, "COST_COVERAGE_MISSING",
                            "Items hosted by a hospital or held at one need a cost-coverage agreement before confirmation (R3): [ITM-2]",
                            List.of("ITM-2")));
        }

        @Test
        void anItemAtAHospitalVenueRecordsTheVenueFactEvenWithoutAHostR3() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC)
                    .when(new AddProgrammeItemCommand(ID, "ITM-1", ProgrammeItemKind.HOSPITAL_VISIT, "Ward round",
                            ITEM_START, ITEM_END, WARD, null, null))
                    .expectEvents(new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.HOSPITAL_VISIT,
                            "Ward round", ITEM_START, ITEM_END, WARD, null, false, null, true));
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT)
                    .when(new ChangeProgrammeItemCommand(ID, "ITM-1", ProgrammeItemKind.COMPANY_VISIT, "Robots",
                            ITEM_START, ITEM_END, WARD, COMPANY, null))
                    .expectEvents(new ProgrammeItemChangedEvent(ID, "ITM-1", ProgrammeItemKind.COMPANY_VISIT, "Robots",
                            ITEM_START, ITEM_END, WARD, COMPANY, false, true));
        }

        @Test
        void refusesToConfirmAVisitAtAHospitalVenueWithNoHostUntilItsCostIsCoveredR3() {
            ProgrammeItemAddedEvent atTheWard = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.HOSPITAL_VISIT,
                    "Ward round", ITEM_START, ITEM_END, WARD, null, false, null, true);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, atTheWard)
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectEvents(new ConfirmationRefusedEvent(ID, "COST_COVERAGE_MISSING",
                            "Items hosted by a hospital or held at one need a cost-coverage agreement before "
                                    + "confirmation (R3): [ITM-1]", List.of("ITM-1")))
                    .expectResultMessagePayloadMatching(predicate(r ->
                            ((CommandResult) r).refusal().code().equals("COST_COVERAGE_MISSING")));
            CostCoverageRecordedEvent covered = new CostCoverageRecordedEvent(ID, "ITM-1", "Jiangsu Health Commission",
                    "Agreement 2027-03", new BigDecimal("12000.00"), "DKK");
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, atTheWard)
                    .when(new RecordCostCoverageCommand(ID, "ITM-1", "Jiangsu Health Commission", "Agreement 2027-03",
                            new BigDecimal("12000.00"), null, null))
                    .expectEvents(covered);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, atTheWard, covered)
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectEvents(new DelegationConfirmedEvent(ID));
        }

        @Test
        void refusesToConfirmAnEmptiedProgramme() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, HOSPITAL_VISIT,
                            new ProgrammeItemRemovedEvent(ID, "ITM-1"))
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }
    }

    /** Closing: a confirmed visit is completed with its outcome; a request is cancelled or declined. */
    @Nested
    class Closing {

        @Test
        void theLeadCompletesAConfirmedVisitWithItsOutcome() {
            Outcome outcome = new Outcome("Two companies will visit Jiangsu", 2, List.of("Welfare Robotics ApS"),
                    List.of("MoU elder care"), List.of(new Outcome.FollowUp(COPCAP, "Invite investor")));
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID))
                    .andGivenCurrentTime(ITEM_END.plus(1, java.time.temporal.ChronoUnit.DAYS))
                    .when(new CompleteDelegationCommand(ID, outcome, null), MetaData.with(ActorMetadata.OPERATOR, "chc"))
                    .expectEvents(new DelegationCompletedEvent(ID, outcome));
        }

        @Test
        void refusesToCompleteAVisitWhoseProgrammeHasNotBegun() {
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID))
                    .andGivenCurrentTime(ITEM_START.minus(1, java.time.temporal.ChronoUnit.MINUTES))
                    .when(new CompleteDelegationCommand(ID, new Outcome("Too early", 0, null, null, null), null))
                    .expectException(refusedWith("VISIT_NOT_BEGUN", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesToCompleteAVisitWhoseLastItemHasNotStarted() {
            ProgrammeItemAddedEvent call = new ProgrammeItemAddedEvent(ID, "ITM-0", ProgrammeItemKind.MEETING,
                    "Preparatory call", ITEM_START.minus(300, java.time.temporal.ChronoUnit.DAYS),
                    ITEM_END.minus(300, java.time.temporal.ChronoUnit.DAYS), HALL, COMPANY, false, null, false);
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, call, meeting,
                            new DelegationConfirmedEvent(ID))
                    .andGivenCurrentTime(ITEM_START.minus(1, java.time.temporal.ChronoUnit.DAYS))
                    .when(new CompleteDelegationCommand(ID, new Outcome("Too early", 3, null, null, null), null))
                    .expectException(refusedWith("VISIT_NOT_BEGUN", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void refusesToCompleteAnUnconfirmedVisit() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC)
                    .when(new CompleteDelegationCommand(ID, new Outcome("x", 0, null, null, null), null))
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void theDelegationCancelsItsVisit() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC)
                    .when(new CancelDelegationCommand(ID, "Travel ban", null))
                    // the unanswered offer is withdrawn: it stayed in the operator's inbox, unanswerable
                    .expectEvents(new DelegationCancelledEvent(ID, "Travel ban"), new AssignmentWithdrawnEvent(ID, CHC));
        }

        @Test
        void theDeskDeclinesARoutedRequestAndItsUnansweredOffersAreWithdrawn() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC)
                    .when(new DeclineDelegationCommand(ID, "No business focus", null))
                    .expectEvents(new DelegationDeclinedEvent(ID, "No business focus"),
                            new AssignmentWithdrawnEvent(ID, CHC));
        }

        @Test
        void theDeskDeclinesARequest() {
            fixture.given(REGISTERED, SCREENED)
                    .when(new DeclineDelegationCommand(ID, "No business focus", null))
                    .expectEvents(new DelegationDeclinedEvent(ID, "No business focus"));
        }

        @Test
        void refusesToDeclineAConfirmedVisit() {
            ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                    ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID))
                    .when(new DeclineDelegationCommand(ID, "Too late", null))
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }
    }

    /** Withdrawal: the desk withdraws a delegation whose programme fell through, at any state before completion. */
    @Nested
    class Withdrawal {

        private final ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1",
                ProgrammeItemKind.MEETING, "Meeting", ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);

        @Test
        void theDeskWithdrawsAnAcceptedDelegationAndItsOpenOffersWithTheirDeadlines() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(registerCommand(), new ScreenDelegationCommand(ID, "Solid", null), route(),
                            new AcceptAssignmentCommand(ID, CHC, null))
                    .when(new WithdrawDelegationCommand(ID, " Programme fell through ", null))
                    .expectEvents(new DelegationWithdrawnEvent(ID, "Programme fell through"),
                            new AssignmentWithdrawnEvent(ID, COPCAP))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aWithdrawnDelegationEscalatesNothing() {
            fixture.givenCurrentTime(FRIDAY)
                    .andGivenCommands(registerCommand(), new ScreenDelegationCommand(ID, "Solid", null), route(),
                            new WithdrawDelegationCommand(ID, "Programme fell through", null))
                    .whenTimeElapses(Duration.ofDays(10))
                    .expectNoEvents();
        }

        @Test
        void withdrawingAConfirmedDelegationFreesItsBookingsR6() {
            bookings.bookAll(ID, List.of(new Bookings.Booking("ITM-1", HALL, COMPANY, ITEM_START, ITEM_END)));
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID))
                    .when(new WithdrawDelegationCommand(ID, "Programme fell through", null))
                    .expectEvents(new DelegationWithdrawnEvent(ID, "Programme fell through"));
            assertThat(bookings.bookAll(new DelegationId("DEL-other"),
                    List.of(new Bookings.Booking("ITM-other", HALL, COMPANY, ITEM_START, ITEM_END)))).isEmpty();
        }

        @Test
        void theDeskWithdrawsARequestBeforeRouting() {
            fixture.given(REGISTERED)
                    .when(new WithdrawDelegationCommand(ID, "Duplicate of an earlier request", null))
                    .expectEvents(new DelegationWithdrawnEvent(ID, "Duplicate of an earlier request"));
        }

        @Test
        void refusesToWithdrawACompletedCancelledDeclinedOrWithdrawnDelegation() {
            for (List<Object> given : closedHistories()) {
                fixture.given(given)
                        .when(new WithdrawDelegationCommand(ID, "Again", null))
                        .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesAWithdrawalWithoutAReason() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC)
                    .when(new WithdrawDelegationCommand(ID, " ", null))
                    .expectException(refusedWith("REASON_REQUIRED", ProblemKind.INVALID_INPUT))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnDelegationCannotBeCancelledOrConfirmed() {
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting,
                            new DelegationWithdrawnEvent(ID, "Programme fell through"))
                    .when(new CancelDelegationCommand(ID, "Travel ban", null))
                    .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                    .expectNoEvents();
            fixture.given(REGISTERED, SCREENED, ROUTED, OFFERED_CHC, ACCEPTED_CHC, meeting,
                            new DelegationWithdrawnEvent(ID, "Programme fell through"))
                    .when(new ConfirmDelegationCommand(ID, null))
                    .expectException(refusedWith("INVALID_STATE", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }
    }

    /** Members: the visiting delegation's members, their personal data sealed. */
    @Nested
    class Members {

        @Test
        void aMembersPersonalFieldsAreRecordedAsCiphertextOnly() {
            PersonId person = new PersonId("PER-li");
            fixture.given(REGISTERED)
                    .when(new AddMemberCommand(ID, "MEM-1", person, "Li Wei", "Deputy Director", "li.wei@example.cn",
                            "+86 25 1234 5678", "Jiangsu Health Commission", true, null))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(payload ->
                            payload instanceof DelegationMemberAddedEvent added
                                    && !added.name().sealed().contains("Li Wei") && !added.email().sealed().contains("li.wei")
                                    && PERSONAL_DATA.open(added.name()).orElseThrow().equals("Li Wei")
                                    && PERSONAL_DATA.open(added.title()).orElseThrow().equals("Deputy Director")
                                    && PERSONAL_DATA.open(added.email()).orElseThrow().equals("li.wei@example.cn")
                                    && PERSONAL_DATA.open(added.phone()).orElseThrow().equals("+86 25 1234 5678")
                                    && added.organisation().equals("Jiangsu Health Commission") && added.contact()),
                            andNoMore())));
        }

        @Test
        void aMemberIsRemoved() {
            PersonId person = new PersonId("PER-x");
            fixture.given(REGISTERED, new DelegationMemberAddedEvent(ID, "MEM-1", person, PERSONAL_DATA.seal(person, "X"),
                            null, null, null, null, false))
                    .when(new RemoveMemberCommand(ID, "MEM-1", null))
                    .expectEvents(new DelegationMemberRemovedEvent(ID, "MEM-1"));
        }

        @Test
        void anErasedPersonReadsAsErased() {
            PersonId person = new PersonId("PER-erased");
            var sealed = PERSONAL_DATA.seal(person, "Zhang San");

            PERSONAL_DATA.erase(person);

            org.assertj.core.api.Assertions.assertThat(PERSONAL_DATA.openOrErased(sealed)).isEqualTo(PersonalData.ERASED);
        }

        /** The docs said members answer DELEGATION_CLOSED on a closed delegation; removal went through. */
        @Test
        void refusesToRemoveAMemberOfAClosedDelegation() {
            PersonId person = new PersonId("PER-x");
            for (List<Object> given : closedHistories()) {
                List<Object> withMember = new java.util.ArrayList<>(given);
                withMember.add(1, new DelegationMemberAddedEvent(ID, "MEM-1", person, PERSONAL_DATA.seal(person, "X"),
                        null, null, null, null, false));
                fixture.given(withMember)
                        .when(new RemoveMemberCommand(ID, "MEM-1", null))
                        .expectException(refusedWith("DELEGATION_CLOSED", ProblemKind.CONFLICT))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesToRemoveAnUnknownMember() {
            fixture.given(REGISTERED)
                    .when(new RemoveMemberCommand(ID, "MEM-9", null))
                    .expectException(refusedWith("MEMBER_NOT_FOUND", ProblemKind.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberTwice() {
            PersonId person = new PersonId("PER-x");
            fixture.given(REGISTERED, new DelegationMemberAddedEvent(ID, "MEM-1", person, PERSONAL_DATA.seal(person, "X"),
                            null, null, null, null, false))
                    .when(new AddMemberCommand(ID, "MEM-1", person, "X", null, null, null, null, false, null))
                    .expectException(refusedWith("MEMBER_EXISTS", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }

        /** One person under two member ids carried two names, and right of access showed both. */
        @Test
        void refusesThePersonOfAMemberAsAnotherMember() {
            PersonId person = new PersonId("PER-x");
            fixture.given(REGISTERED, new DelegationMemberAddedEvent(ID, "MEM-1", person, PERSONAL_DATA.seal(person, "Li Wei"),
                            null, null, null, null, false))
                    .when(new AddMemberCommand(ID, "MEM-2", person, "Li Wei 2", null, null, null, null, false, null))
                    .expectException(refusedWith("MEMBER_EXISTS", ProblemKind.CONFLICT))
                    .expectNoEvents();
        }
    }

    private static RouteDelegationCommand route() {
        return new RouteDelegationCommand(ID, null, null, null, null);
    }

    private static AddProgrammeItemCommand addHospitalVisit() {
        return new AddProgrammeItemCommand(ID, "ITM-1", ProgrammeItemKind.HOSPITAL_VISIT, "Tele-medicine centre",
                ITEM_START, ITEM_END, HALL, HOSPITAL, null);
    }

    /** The four ways a routed delegation closes: cancelled, declined, withdrawn, and completed after confirmation. */
    private static List<List<Object>> closedHistories() {
        ProgrammeItemAddedEvent meeting = new ProgrammeItemAddedEvent(ID, "ITM-1", ProgrammeItemKind.MEETING, "Meeting",
                ITEM_START, ITEM_END, HALL, COMPANY, false, null, false);
        List<List<Object>> closings = List.of(
                List.of(new DelegationCancelledEvent(ID, "Travel ban")),
                List.of(new DelegationDeclinedEvent(ID, "Out of focus")),
                List.of(new DelegationWithdrawnEvent(ID, "Programme fell through")),
                List.of(ACCEPTED_CHC, meeting, new DelegationConfirmedEvent(ID),
                        new DelegationCompletedEvent(ID, new Outcome("Done", 0, null, null, null))));
        List<List<Object>> histories = new ArrayList<>();
        for (List<Object> closing : closings) {
            List<Object> given = new ArrayList<>(List.of(REGISTERED, SCREENED, ROUTED, OFFERED_CHC));
            given.addAll(closing);
            histories.add(given);
        }
        return histories;
    }

    private static RegisterDelegationCommand registerCommand() {
        return register(DelegationType.ADMINISTRATIVE, "Tele-health partners",
                List.of(Theme.HEALTH_WELFARE_TECH, Theme.INVESTMENT), FROM, TO, 12);
    }

    private static RegisterDelegationCommand register(DelegationType type, String opportunity, List<Theme> themes,
                                                      LocalDate from, LocalDate to, int headCount) {
        return new RegisterDelegationCommand(ID, Channel.EMBASSY, "Jiangsu Health Commission", "Jiangsu", "Nanjing",
                type, PoliticalLevel.PROVINCIAL, headCount, from, to, themes, "Study visit", opportunity, "CN", RECEIVED);
    }

    private static DelegationRegisteredEvent registered(DelegationType type, String opportunity) {
        return registered(type, opportunity, List.of(Theme.HEALTH_WELFARE_TECH, Theme.INVESTMENT));
    }

    private static DelegationRegisteredEvent registered(DelegationType type, String opportunity, List<Theme> themes) {
        return new DelegationRegisteredEvent(ID, Channel.EMBASSY, "Jiangsu Health Commission", "Jiangsu", "Nanjing",
                type, PoliticalLevel.PROVINCIAL, 12, FROM, TO, themes, "Study visit", opportunity, "CN", RECEIVED);
    }
}
