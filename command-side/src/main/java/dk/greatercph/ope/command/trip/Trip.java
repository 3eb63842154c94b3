package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.person.PersonNames;
import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.events.trip.ItineraryItemRemovedEvent;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.events.trip.ParticipantRemovedEvent;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripCancelledEvent;
import dk.greatercph.ope.events.trip.TripCompletedEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.time.OpeTime;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;
import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An outgoing political trip to China, led by the regional council chair: planned, staffed, given an
 * itinerary, approved, and completed with a report — or cancelled.
 */
@Aggregate
class Trip {

    @AggregateIdentifier
    private TripId tripId;
    private int year;
    private boolean extraordinary;
    private LocalDate startDate;
    private LocalDate endDate;
    private TripStatus status;
    /** Participant id → the person it is (null for one recorded before persons had ids). */
    private Map<String, PersonId> participants;
    /** The leader's name, sealed with the leader's key: a participant given the leader's person id is the leader. */
    private SealedText leader;
    private Set<String> itineraryItems;

    protected Trip() {
    }

    @CommandHandler
    Trip(PlanTripCommand command, AnnualTrips annualTrips, PersonalData personalData, PersonNames personNames) {
        requireText(command.title(), TripProblem.TITLE_REQUIRED, "title", "A trip has a title.");
        requireText(command.leader(), TripProblem.LEADER_REQUIRED, "leader", "A trip has a leader.");
        if (command.destinations() == null || command.destinations().isEmpty()) {
            throw invalid(TripProblem.DESTINATIONS_REQUIRED, "destinations", "A trip has at least one destination.");
        }
        // ["Nanjing", "Nanjing"] was a trip to Nanjing twice, where a theme named twice is refused
        Set<String> destinations = new HashSet<>();
        for (int i = 0; i < command.destinations().size(); i++) {
            String destination = command.destinations().get(i);
            if (destination != null && !destinations.add(dk.greatercph.ope.platform.input.ReadAlike.nameKey(destination))) {
                throw invalid(TripProblem.DUPLICATE_DESTINATION, "destinations[" + i + "]",
                        "is named before; a trip names each destination once.");
            }
        }
        if (command.endDate().isBefore(command.startDate())) {
            throw invalid(TripProblem.INVALID_DATES, "endDate", "A trip ends on or after the day it starts.");
        }
        if (command.startDate().getYear() != command.year()) {
            throw invalid(TripProblem.YEAR_MISMATCH, "startDate", "A trip of " + command.year() + " starts in " + command.year() + ".");
        }
        // A stated reason makes the trip extraordinary, whether or not the year has its annual trip yet: before, the
        // year's first trip became the annual one with its reason dropped, and the annual trip was then refused.
        String reason = command.extraordinaryReason() == null ? null : command.extraordinaryReason().trim();
        boolean extraordinary = reason != null && !reason.isEmpty();
        if (command.leaderPersonId() != null) {
            personNames.requireOneName(command.leaderPersonId(), command.leader(), "leader");
        }
        if (!extraordinary && !annualTrips.claim(command.year(), command.tripId())) {
            throw new DomainProblem(TripProblem.ANNUAL_TRIP_EXISTS, "extraordinaryReason",
                    command.year() + " already has its annual trip; a further trip is extraordinary and needs a reason.");
        }
        apply(new TripPlannedEvent(command.tripId(), command.year(), command.title().trim(), command.destinations(),
                command.startDate(), command.endDate(),
                personalData.seal(command.leaderPersonId(), command.leader().trim()), extraordinary,
                extraordinary ? reason : null));
    }

    @CommandHandler
    CommandResult handle(AddParticipantCommand command, PersonalData personalData, PersonNames personNames,
                         RoutingTable routingTable) {
        requireOpenForPlanning();
        if (participants.containsKey(command.participantId())) {
            throw new DomainProblem(TripProblem.PARTICIPANT_EXISTS, "That participant is already on the trip.");
        }
        if (command.personId() != null && participants.containsValue(command.personId())) {
            throw new DomainProblem(TripProblem.PARTICIPANT_EXISTS, "personId",
                    "That person is already on the trip; one person is one participant.");
        }
        requireText(command.name(), TripProblem.NAME_REQUIRED, "name", "A participant has a name.");
        if (command.kind() == ParticipantKind.OPERATOR && command.operatorId() == null) {
            throw invalid(TripProblem.OPERATOR_REQUIRED, "operatorId", "An operator's participant names the operator.");
        }
        if (command.kind() != ParticipantKind.OPERATOR && command.operatorId() != null) {
            // a politician naming chc made chc see the trip as one it travels with
            throw invalid(TripProblem.OPERATOR_NOT_EXPECTED, "operatorId",
                    "Only a participant of kind OPERATOR names an operator; this one is " + command.kind() + ".");
        }
        requireKnown(routingTable, command.operatorId(), "operatorId");
        if (command.personId() != null) {
            // the trip's leader travelling as a participant, or a person of another trip or delegation: one name
            personNames.requireOneName(command.personId(), command.name(), "name");
        }
        apply(new ParticipantAddedEvent(tripId, command.participantId(), command.kind(), command.personId(),
                personalData.seal(command.personId(), command.name().trim()),
                personalData.seal(command.personId(), command.title()), command.organisation(), command.operatorId()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RemoveParticipantCommand command) {
        requireOpenForPlanning();
        if (!participants.containsKey(command.participantId())) {
            throw new DomainProblem(TripProblem.PARTICIPANT_NOT_FOUND, "No such participant on this trip.");
        }
        apply(new ParticipantRemovedEvent(tripId, command.participantId()));
        return CommandResult.done();
    }

    /** A mistyped item, or one no longer happening, stayed until the whole trip was cancelled. */
    @CommandHandler
    CommandResult handle(RemoveItineraryItemCommand command) {
        requireOpenForPlanning();
        if (!itineraryItems.contains(command.itemId())) {
            throw new DomainProblem(TripProblem.ITINERARY_ITEM_NOT_FOUND, "No such item on this trip's itinerary.");
        }
        apply(new ItineraryItemRemovedEvent(tripId, command.itemId()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AddItineraryItemCommand command, RoutingTable routingTable) {
        requireOpenForPlanning();
        requireKnown(routingTable, command.objectiveOperator(), "objectiveOperator");
        requireText(command.city(), TripProblem.CITY_REQUIRED, "city", "An itinerary item names its city.");
        requireText(command.counterpart(), TripProblem.COUNTERPART_REQUIRED, "counterpart", "An itinerary item names the Chinese counterpart.");
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw invalid(TripProblem.INVALID_TIME_SLOT, "endsAt", "An itinerary item ends after it starts.");
        }
        LocalDate day = command.startsAt().toLocalDate();
        if (day.isBefore(startDate) || day.isAfter(endDate)) {
            throw invalid(TripProblem.OUTSIDE_TRIP, "startsAt", "The itinerary item falls outside the trip's dates; an item lies within them.");
        }
        if (command.endsAt().toLocalDate().isAfter(endDate)) {
            // it starts within the trip: the end is what lies outside (the start was named)
            throw invalid(TripProblem.OUTSIDE_TRIP, "endsAt", "The itinerary item ends after the trip's last day, "
                    + endDate + "; an item lies within the trip's dates.");
        }
        apply(new ItineraryItemAddedEvent(tripId, command.itemId(), command.startsAt(), command.endsAt(),
                command.city().trim(), command.counterpart().trim(), command.description(),
                command.objectiveOperator(), command.objectiveCompany(),
                command.timeZone() == null ? ItineraryItemAddedEvent.CHINA_STANDARD_TIME : command.timeZone()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(ApproveTripCommand command) {
        requireOpenForPlanning();
        if (participants.isEmpty() || itineraryItems.isEmpty()) {
            throw new DomainProblem(TripProblem.TRIP_NOT_READY,
                    "A trip is approved once it has participants and an itinerary.");
        }
        apply(new TripApprovedEvent(tripId));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(CompleteTripCommand command, RoutingTable routingTable) {
        if (status != TripStatus.APPROVED) {
            throw new DomainProblem(TripProblem.TRIP_NOT_APPROVED,
                    "Only an approved trip can be completed; this one is " + status + ".");
        }
        requireText(command.outcomes(), TripProblem.REPORT_REQUIRED, "outcomes", "A completed trip has a report of its outcomes.");
        List<FollowUp> followUps = orEmpty(command.followUps());
        for (int i = 0; i < followUps.size(); i++) {
            requireKnown(routingTable, followUps.get(i).operatorId(), "followUps[" + i + "].operatorId");
        }
        // its report says what the trip brought: not before the trip has begun (its first day, in Copenhagen)
        if (LocalDate.ofInstant(GenericEventMessage.clock.instant(), OpeTime.COPENHAGEN).isBefore(startDate)) {
            throw new DomainProblem(TripProblem.TRIP_NOT_BEGUN, "The trip has not begun: it starts " + startDate
                    + ". Complete it with its report once it has taken place.");
        }
        apply(new TripCompletedEvent(tripId, command.outcomes().trim(), orEmpty(command.agreementsSigned()),
                orEmpty(command.followUps())));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(CancelTripCommand command, AnnualTrips annualTrips) {
        if (status == TripStatus.COMPLETED || status == TripStatus.CANCELLED) {
            throw new DomainProblem(TripProblem.TRIP_CLOSED, "The trip is already " + status + ".");
        }
        requireText(command.reason(), TripProblem.REASON_REQUIRED, "reason", "A cancellation states its reason.");
        if (!extraordinary) {
            annualTrips.release(year, tripId);
        }
        apply(new TripCancelledEvent(tripId, command.reason().trim()));
        return CommandResult.done();
    }

    @EventSourcingHandler
    void on(TripPlannedEvent event) {
        this.tripId = event.tripId();
        this.year = event.year();
        this.extraordinary = event.extraordinary();
        this.startDate = event.startDate();
        this.endDate = event.endDate();
        this.status = TripStatus.PLANNED;
        this.participants = new HashMap<>();
        this.itineraryItems = new HashSet<>();
        this.leader = event.leader();
    }

    @EventSourcingHandler
    void on(ParticipantAddedEvent event) {
        participants.put(event.participantId(), event.personId());
    }

    @EventSourcingHandler
    void on(ParticipantRemovedEvent event) {
        participants.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(ItineraryItemAddedEvent event) {
        itineraryItems.add(event.itemId());
        status = TripStatus.PROGRAMME_DRAFTED;
    }

    @EventSourcingHandler
    void on(ItineraryItemRemovedEvent event) {
        itineraryItems.remove(event.itemId());
        if (itineraryItems.isEmpty() && status == TripStatus.PROGRAMME_DRAFTED) {
            status = TripStatus.PLANNED; // no item left, no programme drafted
        }
    }

    @EventSourcingHandler
    void on(TripApprovedEvent event) {
        status = TripStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(TripCompletedEvent event) {
        status = TripStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(TripCancelledEvent event) {
        status = TripStatus.CANCELLED;
    }

    private void requireOpenForPlanning() {
        if (status != TripStatus.PLANNED && status != TripStatus.PROGRAMME_DRAFTED) {
            throw new DomainProblem(TripProblem.TRIP_NOT_OPEN,
                    "The trip is " + status + "; its programme can no longer change.");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /**
     * An operator named on a trip (a participant, an item's objective, a follow-up) is one the routing table knows:
     * an unknown one was recorded and counted in the annual report ("nobody: x").
     */
    private static void requireKnown(RoutingTable routingTable, OperatorId operator, String field) {
        if (operator != null && !routingTable.current().themesByOperator().containsKey(operator)) {
            throw new DomainProblem(TripProblem.UNKNOWN_OPERATOR, field, "No operator " + operator + ".");
        }
    }
}
