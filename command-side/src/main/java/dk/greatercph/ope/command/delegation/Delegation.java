package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.reference.Directory;
import dk.greatercph.ope.command.routing.RoutingDecision;
import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
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
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
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
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;
import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incoming delegation request, from registration through screening, routing, the operators' answers, the
 * visit programme and its confirmation, to completion — enforcing rules R1 to R6 and R8.
 */
@Aggregate
class Delegation {

    static final String DEADLINE_PREFIX = "assignment-due:";

    /**
     * The identifier as Axon stores it, a plain string: a deadline's scope descriptor serializes it, and a
     * typed id would come back as a map after a restart.
     */
    @AggregateIdentifier
    private String id;
    private DelegationId delegationId;
    private DelegationStatus status;
    private DelegationType delegationType;
    private String businessOpportunity;
    private Set<Theme> themes;
    private OperatorId lead;
    private Map<OperatorId, Assignment> assignments;
    private Map<String, ScopeRequest> scopeRequests;
    private Map<String, Item> items;
    private Set<String> members;
    private Instant registeredAt;

    protected Delegation() {
    }

    @CommandHandler
    Delegation(RegisterDelegationCommand command, RequestHistory history) {
        if (command.themes().isEmpty()) {
            throw invalid("THEMES_REQUIRED", "A delegation request names at least one theme.");
        }
        if (command.wishedTo().isBefore(command.wishedFrom())) {
            throw invalid("INVALID_DATE_WINDOW", "The wished date window ends before it starts.");
        }
        if (command.headCount() < 1) {
            throw invalid("INVALID_HEAD_COUNT", "A delegation has at least one member.");
        }
        if (!CountryCodes.isAssigned(command.country())) {
            throw invalid("INVALID_COUNTRY", "The country of origin is an ISO 3166-1 alpha-2 code, e.g. CN.");
        }
        if (command.dateReceived() == null) {
            throw invalid("DATE_RECEIVED_REQUIRED", "A request is registered with the date the desk received it.");
        }
        apply(new DelegationRegisteredEvent(command.delegationId(), command.channel(),
                command.requestingOrganisation(), command.originProvince(), command.originCity(),
                command.delegationType(), command.politicalLevel(), command.headCount(), command.wishedFrom(),
                command.wishedTo(), command.themes(), command.purpose(), command.businessOpportunity(),
                command.country(), command.dateReceived()))
                // applied once the constructor has returned: the history takes the event's own time
                .andThen(() -> history.record(command.delegationId(), command.requestingOrganisation(),
                        command.themes(), command.dateReceived(), registeredAt));
    }

    @CommandHandler
    CommandResult handle(ScreenDelegationCommand command, RequestHistory history) {
        requireStatus(EnumSet.of(DelegationStatus.REQUESTED), "screened");
        List<DelegationId> earlier = history.repeatedBy(delegationId);
        apply(new DelegationScreenedEvent(delegationId, !earlier.isEmpty(), earlier,
                command.businessOpportunityAssessment()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RouteDelegationCommand command, RoutingTable routingTable, AssignmentPolicy policy,
                         DeadlineManager deadlines, DelegationOperators operators) {
        requireStatus(EnumSet.of(DelegationStatus.SCREENED, DelegationStatus.ROUTED), "routed");
        if (!delegationType.isPolitical() && (businessOpportunity == null || businessOpportunity.isBlank())) {
            String reason = "A " + delegationType + " delegation is routed only with a stated business opportunity (R2).";
            apply(new RoutingRefusedEvent(delegationId, "NO_BUSINESS_FOCUS", reason));
            return CommandResult.refused("NO_BUSINESS_FOCUS", ProblemKind.RULE_VIOLATION, reason);
        }
        RoutingTable.Snapshot table = routingTable.current();
        RoutingDecision decision;
        boolean override = command.overrideLead() != null;
        if (override) {
            if (command.overrideReason() == null || command.overrideReason().isBlank()) {
                throw invalid("OVERRIDE_REASON_REQUIRED", "Overriding the routing rules needs a reason.");
            }
            List<OperatorId> supporting = command.overrideSupporting() == null ? List.of()
                    : command.overrideSupporting().stream().distinct().filter(o -> !o.equals(command.overrideLead())).toList();
            for (OperatorId operator : concat(command.overrideLead(), supporting)) {
                if (!table.themesByOperator().containsKey(operator)) {
                    throw new DomainProblem("UNKNOWN_OPERATOR", ProblemKind.RULE_VIOLATION, "No operator " + operator + ".");
                }
            }
            decision = new RoutingDecision(command.overrideLead(), supporting, table.version(),
                    command.overrideReason().trim());
        } else {
            decision = RoutingDecision.decide(table, List.copyOf(themes), delegationType.isPolitical()).orElse(null);
            if (decision == null) {
                String reason = "No operator takes any of the themes " + themes + " (routing table v" + table.version()
                        + "); the desk can route with an override.";
                apply(new RoutingRefusedEvent(delegationId, "NO_OPERATOR_FOR_THEMES", reason));
                return CommandResult.refused("NO_OPERATOR_FOR_THEMES", ProblemKind.RULE_VIOLATION, reason);
            }
        }
        for (Map.Entry<OperatorId, Assignment> open : new ArrayList<>(assignments.entrySet())) {
            if (open.getValue().state() == AssignmentState.OFFERED || open.getValue().state() == AssignmentState.ESCALATED) {
                deadlines.cancelAllWithinScope(DEADLINE_PREFIX + open.getKey());
                apply(new AssignmentWithdrawnEvent(delegationId, open.getKey()));
            }
        }
        apply(new DelegationRoutedEvent(delegationId, decision.lead(), decision.supporting(), decision.routingVersion(),
                override, decision.reason()));
        Instant now = GenericEventMessage.clock.instant();
        Instant dueAt = policy.dueAt(now);
        for (OperatorId operator : concat(decision.lead(), decision.supporting())) {
            AssignmentRole role = operator.equals(decision.lead()) ? AssignmentRole.LEAD : AssignmentRole.SUPPORTING;
            apply(new AssignmentOfferedEvent(delegationId, operator, role, dueAt));
            operators.offered(delegationId, operator);
            deadlines.schedule(dueAt, DEADLINE_PREFIX + operator, new AssignmentDue(operator));
        }
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AcceptAssignmentCommand command, DeadlineManager deadlines,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        Assignment assignment = answerable(command.operatorId(), actingOperator);
        deadlines.cancelAllWithinScope(DEADLINE_PREFIX + command.operatorId());
        apply(new AssignmentAcceptedEvent(delegationId, command.operatorId(), assignment.role()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(DeclineAssignmentCommand command, DeadlineManager deadlines,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        Assignment assignment = answerable(command.operatorId(), actingOperator);
        requireText(command.reason(), "REASON_REQUIRED", "A decline states its reason.");
        deadlines.cancelAllWithinScope(DEADLINE_PREFIX + command.operatorId());
        apply(new AssignmentDeclinedEvent(delegationId, command.operatorId(), assignment.role(), command.reason().trim(),
                assignment.role() == AssignmentRole.LEAD));
        return CommandResult.done();
    }

    @DeadlineHandler
    void on(AssignmentDue due) {
        Assignment assignment = assignments.get(due.operatorId());
        if (assignment != null && assignment.state() == AssignmentState.OFFERED && !status.isClosed()) {
            apply(new AssignmentEscalatedEvent(delegationId, due.operatorId(), assignment.dueAt()));
        }
    }

    @CommandHandler
    CommandResult handle(RequestScopeExpansionCommand command) {
        if (!status.isRouted()) {
            throw new DomainProblem("NOT_ROUTED", ProblemKind.CONFLICT,
                    "Before routing, themes belong to the request itself; scope expansion comes after routing (R4).");
        }
        List<Theme> added = command.themes() == null ? List.of()
                : command.themes().stream().distinct().filter(t -> !themes.contains(t)).sorted().toList();
        if (added.isEmpty()) {
            throw invalid("NOTHING_TO_EXPAND", "The delegation already covers these themes.");
        }
        requireText(command.reason(), "REASON_REQUIRED", "A scope expansion states why.");
        apply(new ScopeExpansionRequestedEvent(delegationId, command.requestId(), added, command.reason().trim()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(ApproveScopeExpansionCommand command) {
        ScopeRequest request = openScopeRequest(command.requestId());
        apply(new ScopeExpansionApprovedEvent(delegationId, command.requestId(), request.themes()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RejectScopeExpansionCommand command) {
        openScopeRequest(command.requestId());
        requireText(command.reason(), "REASON_REQUIRED", "A rejection states its reason.");
        apply(new ScopeExpansionRejectedEvent(delegationId, command.requestId(), command.reason().trim()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AddProgrammeItemCommand command, Directory directory,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        boolean hospital = checkItem(command.title(), command.startsAt(), command.endsAt(), command.venueId(),
                command.hostId(), directory);
        if (items.containsKey(command.itemId())) {
            throw new DomainProblem("ITEM_EXISTS", ProblemKind.CONFLICT, "That programme item exists already.");
        }
        apply(new ProgrammeItemAddedEvent(delegationId, command.itemId(), command.kind(), command.title().trim(),
                command.startsAt(), command.endsAt(), command.venueId(), command.hostId(), hospital,
                actingOperator == null ? null : new OperatorId(actingOperator)));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(ChangeProgrammeItemCommand command, Directory directory,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        mayChange(item(command.itemId()), actingOperator);
        boolean hospital = checkItem(command.title(), command.startsAt(), command.endsAt(), command.venueId(),
                command.hostId(), directory);
        apply(new ProgrammeItemChangedEvent(delegationId, command.itemId(), command.kind(), command.title().trim(),
                command.startsAt(), command.endsAt(), command.venueId(), command.hostId(), hospital));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RemoveProgrammeItemCommand command,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        mayChange(item(command.itemId()), actingOperator);
        apply(new ProgrammeItemRemovedEvent(delegationId, command.itemId()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RecordCostCoverageCommand command,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        mayChange(item(command.itemId()), actingOperator);
        requireText(command.payer(), "PAYER_REQUIRED", "Cost coverage names who pays.");
        requireText(command.basis(), "BASIS_REQUIRED", "Cost coverage states its basis (agreement, invoice, …).");
        if (command.amount() == null || command.amount().compareTo(BigDecimal.ZERO) < 0) {
            throw invalid("INVALID_AMOUNT", "Cost coverage has an amount of zero or more.");
        }
        String currency = command.currency() == null ? "DKK" : command.currency();
        apply(new CostCoverageRecordedEvent(delegationId, command.itemId(), command.payer().trim(),
                command.basis().trim(), command.amount(), currency));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(ConfirmDelegationCommand command, Bookings bookings) {
        requireStatus(EnumSet.of(DelegationStatus.PROGRAMME_PLANNED), "confirmed");
        if (items.isEmpty()) {
            throw new DomainProblem("EMPTY_PROGRAMME", ProblemKind.RULE_VIOLATION, "A programme without items cannot be confirmed.");
        }
        List<String> uncovered = items.entrySet().stream()
                .filter(e -> e.getValue().hostIsHospital() && !e.getValue().costCovered())
                .map(Map.Entry::getKey).sorted().toList();
        if (!uncovered.isEmpty()) {
            String reason = "Hospital-hosted items need a cost-coverage agreement before confirmation (R3): " + uncovered;
            apply(new ConfirmationRefusedEvent(delegationId, "COST_COVERAGE_MISSING", reason, uncovered));
            return CommandResult.refused("COST_COVERAGE_MISSING", ProblemKind.RULE_VIOLATION, reason);
        }
        List<Bookings.Booking> wanted = items.entrySet().stream()
                .map(e -> new Bookings.Booking(e.getKey(), e.getValue().venueId(), e.getValue().hostId(),
                        e.getValue().startsAt(), e.getValue().endsAt()))
                .toList();
        List<String> conflicts = bookings.bookAll(delegationId, wanted);
        if (!conflicts.isEmpty()) {
            String reason = "A venue or host of these items is already booked by a confirmed programme at that time (R6): "
                    + conflicts;
            apply(new ConfirmationRefusedEvent(delegationId, "DOUBLE_BOOKING", reason, conflicts));
            return CommandResult.refused("DOUBLE_BOOKING", ProblemKind.CONFLICT, reason);
        }
        apply(new DelegationConfirmedEvent(delegationId));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(CancelDelegationCommand command, Bookings bookings, DeadlineManager deadlines) {
        if (status.isClosed()) {
            throw new DomainProblem("DELEGATION_CLOSED", ProblemKind.CONFLICT, "The delegation is already " + status + ".");
        }
        requireText(command.reason(), "REASON_REQUIRED", "A cancellation states its reason.");
        bookings.release(delegationId);
        cancelOpenDeadlines(deadlines);
        apply(new DelegationCancelledEvent(delegationId, command.reason().trim()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(DeclineDelegationCommand command, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(DelegationStatus.REQUESTED, DelegationStatus.SCREENED, DelegationStatus.ROUTED),
                "declined by the desk");
        requireText(command.reason(), "REASON_REQUIRED", "The desk states why it declines.");
        cancelOpenDeadlines(deadlines);
        apply(new DelegationDeclinedEvent(delegationId, command.reason().trim()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AddMemberCommand command, PersonalData personalData) {
        if (status.isClosed()) {
            throw new DomainProblem("DELEGATION_CLOSED", ProblemKind.CONFLICT, "The delegation is already " + status + ".");
        }
        requireText(command.name(), "NAME_REQUIRED", "A member has a name.");
        if (members.contains(command.memberId())) {
            throw new DomainProblem("MEMBER_EXISTS", ProblemKind.CONFLICT, "That member is already on the delegation.");
        }
        PersonId person = command.personId();
        apply(new DelegationMemberAddedEvent(delegationId, command.memberId(), person,
                personalData.seal(person, command.name().trim()), personalData.seal(person, command.title()),
                personalData.seal(person, command.email()), personalData.seal(person, command.phone()),
                command.organisation(), command.contact()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RemoveMemberCommand command) {
        if (!members.contains(command.memberId())) {
            throw new DomainProblem("MEMBER_NOT_FOUND", ProblemKind.NOT_FOUND, "No member " + command.memberId() + ".");
        }
        apply(new DelegationMemberRemovedEvent(delegationId, command.memberId()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(CompleteDelegationCommand command,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        if (actingOperator != null && (lead == null || !lead.value().equals(actingOperator))) {
            throw notFoundForOperator();
        }
        requireStatus(EnumSet.of(DelegationStatus.CONFIRMED), "completed");
        if (command.outcome() == null || command.outcome().investmentLeads() < 0) {
            throw invalid("INVALID_OUTCOME", "A completion reports the visit's outcome.");
        }
        apply(new DelegationCompletedEvent(delegationId, command.outcome()));
        return CommandResult.done();
    }

    @EventSourcingHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at) {
        this.id = event.delegationId().value();
        this.registeredAt = at;
        this.delegationId = event.delegationId();
        this.status = DelegationStatus.REQUESTED;
        this.delegationType = event.delegationType();
        this.businessOpportunity = event.businessOpportunity();
        this.themes = EnumSet.copyOf(event.themes());
        this.assignments = new LinkedHashMap<>();
        this.scopeRequests = new HashMap<>();
        this.items = new LinkedHashMap<>();
        this.members = new HashSet<>();
    }

    @EventSourcingHandler
    void on(DelegationMemberAddedEvent event) {
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(DelegationMemberRemovedEvent event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(DelegationScreenedEvent event) {
        status = DelegationStatus.SCREENED;
    }

    @EventSourcingHandler
    void on(DelegationRoutedEvent event) {
        status = DelegationStatus.ROUTED;
        lead = event.lead();
    }

    @EventSourcingHandler
    void on(AssignmentOfferedEvent event) {
        assignments.put(event.operatorId(), new Assignment(event.role(), AssignmentState.OFFERED, event.dueAt()));
    }

    @EventSourcingHandler
    void on(AssignmentWithdrawnEvent event) {
        assignments.computeIfPresent(event.operatorId(), (o, a) -> a.in(AssignmentState.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(AssignmentAcceptedEvent event) {
        assignments.computeIfPresent(event.operatorId(), (o, a) -> a.in(AssignmentState.ACCEPTED));
        if (event.role() == AssignmentRole.LEAD && status == DelegationStatus.ROUTED) {
            status = DelegationStatus.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(AssignmentDeclinedEvent event) {
        assignments.computeIfPresent(event.operatorId(), (o, a) -> a.in(AssignmentState.DECLINED));
        if (event.returnedToDesk()) {
            status = DelegationStatus.SCREENED;
            lead = null;
        }
    }

    @EventSourcingHandler
    void on(AssignmentEscalatedEvent event) {
        assignments.computeIfPresent(event.operatorId(), (o, a) -> a.in(AssignmentState.ESCALATED));
    }

    @EventSourcingHandler
    void on(ScopeExpansionRequestedEvent event) {
        scopeRequests.put(event.requestId(), new ScopeRequest(event.themes(), true));
    }

    @EventSourcingHandler
    void on(ScopeExpansionApprovedEvent event) {
        scopeRequests.put(event.requestId(), new ScopeRequest(event.themes(), false));
        themes.addAll(event.themes());
    }

    @EventSourcingHandler
    void on(ScopeExpansionRejectedEvent event) {
        scopeRequests.computeIfPresent(event.requestId(), (id, r) -> new ScopeRequest(r.themes(), false));
    }

    @EventSourcingHandler
    void on(ProgrammeItemAddedEvent event) {
        items.put(event.itemId(), new Item(event.startsAt(), event.endsAt(), event.venueId(), event.hostId(),
                event.hostIsHospital(), false, event.plannedBy()));
        status = DelegationStatus.PROGRAMME_PLANNED;
    }

    @EventSourcingHandler
    void on(ProgrammeItemChangedEvent event) {
        Item before = items.get(event.itemId());
        items.put(event.itemId(), new Item(event.startsAt(), event.endsAt(), event.venueId(), event.hostId(),
                event.hostIsHospital(), before != null && before.costCovered(),
                before == null ? null : before.plannedBy()));
    }

    @EventSourcingHandler
    void on(ProgrammeItemRemovedEvent event) {
        items.remove(event.itemId());
        if (items.isEmpty() && status == DelegationStatus.PROGRAMME_PLANNED) {
            status = DelegationStatus.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(CostCoverageRecordedEvent event) {
        items.computeIfPresent(event.itemId(), (id, item) -> item.covered());
    }

    @EventSourcingHandler
    void on(DelegationConfirmedEvent event) {
        status = DelegationStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(DelegationCancelledEvent event) {
        status = DelegationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(DelegationDeclinedEvent event) {
        status = DelegationStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(DelegationCompletedEvent event) {
        status = DelegationStatus.COMPLETED;
    }

    private Assignment answerable(OperatorId operator, String actingOperator) {
        if (actingOperator != null && !actingOperator.equals(operator.value())) {
            throw notFoundForOperator();
        }
        Assignment assignment = assignments.get(operator);
        if (assignment == null || assignment.state() == AssignmentState.WITHDRAWN) {
            throw actingOperator != null ? notFoundForOperator()
                    : new DomainProblem("ASSIGNMENT_NOT_FOUND", ProblemKind.NOT_FOUND,
                    "Operator " + operator + " has no assignment on this delegation.");
        }
        if (assignment.state() != AssignmentState.OFFERED && assignment.state() != AssignmentState.ESCALATED) {
            throw new DomainProblem("ASSIGNMENT_ANSWERED", ProblemKind.CONFLICT,
                    "This assignment was already answered: " + assignment.state() + ".");
        }
        return assignment;
    }

    private void mayPlanProgramme(String actingOperator) {
        if (actingOperator != null) {
            Assignment assignment = assignments.get(new OperatorId(actingOperator));
            if (assignment == null || assignment.state() == AssignmentState.WITHDRAWN
                    || assignment.state() == AssignmentState.DECLINED) {
                throw notFoundForOperator();
            }
            if (assignment.state() != AssignmentState.ACCEPTED) {
                throw new DomainProblem("ASSIGNMENT_NOT_ACCEPTED", ProblemKind.CONFLICT,
                        "An operator plans programme items once it has accepted its assignment.");
            }
        }
        requireStatus(EnumSet.of(DelegationStatus.ACCEPTED, DelegationStatus.PROGRAMME_PLANNED),
                "given programme changes (the lead must have accepted, and a confirmed programme is fixed)");
    }

    /** An operator changes only the items it added; the lead changes all of them, as does the desk. */
    private void mayChange(Item item, String actingOperator) {
        if (actingOperator == null || (lead != null && lead.value().equals(actingOperator))
                || (item.plannedBy() != null && item.plannedBy().value().equals(actingOperator))) {
            return;
        }
        throw new DomainProblem("ITEM_OF_ANOTHER_OPERATOR", ProblemKind.FORBIDDEN,
                "This programme item was added by another operator; only that operator, the lead or the desk may "
                        + "change it.");
    }

    private boolean checkItem(String title, Instant startsAt, Instant endsAt, VenueId venue, PartnerId host,
                              Directory directory) {
        requireText(title, "TITLE_REQUIRED", "A programme item has a title.");
        if (!endsAt.isAfter(startsAt)) {
            throw invalid("INVALID_TIME_SLOT", "A programme item ends after it starts.");
        }
        if (!directory.hasVenue(venue)) {
            throw new DomainProblem("UNKNOWN_VENUE", ProblemKind.RULE_VIOLATION, "No registered venue " + venue + ".");
        }
        if (host == null) {
            return false;
        }
        return directory.isHospital(host).orElseThrow(() ->
                new DomainProblem("UNKNOWN_HOST", ProblemKind.RULE_VIOLATION, "No registered partner " + host + "."));
    }

    private Item item(String itemId) {
        Item item = items.get(itemId);
        if (item == null) {
            throw new DomainProblem("ITEM_NOT_FOUND", ProblemKind.NOT_FOUND, "No programme item " + itemId + ".");
        }
        return item;
    }

    private ScopeRequest openScopeRequest(String requestId) {
        ScopeRequest request = scopeRequests.get(requestId);
        if (request == null) {
            throw new DomainProblem("SCOPE_REQUEST_NOT_FOUND", ProblemKind.NOT_FOUND, "No scope request " + requestId + ".");
        }
        if (!request.open()) {
            throw new DomainProblem("SCOPE_REQUEST_CLOSED", ProblemKind.CONFLICT, "That scope request was already decided.");
        }
        return request;
    }

    private void cancelOpenDeadlines(DeadlineManager deadlines) {
        assignments.forEach((operator, assignment) -> {
            if (assignment.state() == AssignmentState.OFFERED) {
                deadlines.cancelAllWithinScope(DEADLINE_PREFIX + operator);
            }
        });
    }

    private void requireStatus(Set<DelegationStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw new DomainProblem("INVALID_STATE", ProblemKind.CONFLICT,
                    "A delegation that is " + status + " cannot be " + what + ".");
        }
    }

    private static DomainProblem notFoundForOperator() {
        return DomainProblem.notFound();
    }

    private static List<OperatorId> concat(OperatorId first, List<OperatorId> rest) {
        List<OperatorId> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    enum AssignmentState { OFFERED, ACCEPTED, DECLINED, ESCALATED, WITHDRAWN }

    record Assignment(AssignmentRole role, AssignmentState state, Instant dueAt) {
        Assignment in(AssignmentState next) {
            return new Assignment(role, next, dueAt);
        }
    }

    record ScopeRequest(List<Theme> themes, boolean open) {
    }

    /** A programme item; {@code plannedBy} is the operator that added it, null when the desk did. */
    record Item(Instant startsAt, Instant endsAt, VenueId venueId, PartnerId hostId, boolean hostIsHospital,
                boolean costCovered, OperatorId plannedBy) {
        Item covered() {
            return new Item(startsAt, endsAt, venueId, hostId, hostIsHospital, true, plannedBy);
        }
    }
}
