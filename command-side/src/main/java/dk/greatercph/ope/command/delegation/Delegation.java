package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.reference.Directory;
import dk.greatercph.ope.command.routing.RoutingDecision;
import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.ConfirmationRefusedEvent;
import dk.greatercph.ope.events.delegation.BusinessOpportunityStatedEvent;
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
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeReopenedEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.SupportingOutcomeReportedEvent;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.command.person.PersonNames;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import dk.greatercph.ope.platform.time.OpeTime;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;
import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incoming delegation request, from registration through screening, routing, the operators' answers, the
 * visit programme and its confirmation, to completion or its withdrawal by the desk — enforcing rules R1 to R6
 * and R8.
 *
 * <p>The root keeps the status and the rules that span the whole delegation (R2 business focus, R3 cost
 * coverage, R6 double booking, who may act). Its {@link Assignment}s, {@link ProgrammeItem}s and
 * {@link ScopeRequest}s are entities with their own command and event-sourcing handlers; Axon hands each the
 * commands and events that name it. The root's command handler interceptors run first: they refuse a command
 * for an unknown entity with this delegation's own not-found code (not Axon's), after the actor's checks.
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
    /** The routing in force, to tell a routing sent again (a double submit) from a new one. */
    private DelegationRoutedEvent routing;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<OperatorId, Assignment> assignments;
    /** Each supporting operator's outcome as last reported: the same report again records nothing. */
    private Map<OperatorId, Outcome> supportingOutcomes;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, ScopeRequest> scopeRequests;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<String, ProgrammeItem> items;
    /** The members' ids: a member has no state of its own here, its personal data stays sealed in the events. */
    private Set<String> members;
    /** The person each member is, by member id: one person is one member. */
    private Map<String, PersonId> memberPersons;
    private Instant registeredAt;
    /** When the request reached the desk: no programme item starts before it. */
    private java.time.LocalDate dateReceived;
    // The rest of the request as registered or last corrected: a correction that changes nothing records nothing.
    private Channel channel;
    private String requestingOrganisation;
    private String originProvince;
    private String originCity;
    private PoliticalLevel politicalLevel;
    private int headCount;
    private java.time.LocalDate wishedFrom;
    private java.time.LocalDate wishedTo;
    private String purpose;
    private String country;

    protected Delegation() {
    }

    @CommandHandler
    Delegation(RegisterDelegationCommand command, RequestHistory history) {
        requireValidRequest(command.themes(), command.wishedFrom(), command.wishedTo(), command.headCount(),
                command.country(), command.dateReceived());
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

    /**
     * R2 for a request registered without a business opportunity: the desk states the one screening or a call
     * learned, before the delegation is routed (or routed again); without this such a request could never be routed.
     */
    @CommandHandler
    CommandResult handle(StateBusinessOpportunityCommand command) {
        requireStatus(EnumSet.of(DelegationStatus.REQUESTED, DelegationStatus.SCREENED, DelegationStatus.ROUTED),
                "given a business opportunity (only before its lead accepts)");
        requireText(command.businessOpportunity(), DelegationProblem.BUSINESS_OPPORTUNITY_REQUIRED,
                "businessOpportunity", "A stated business opportunity has words (R2).");
        apply(new BusinessOpportunityStatedEvent(delegationId, command.businessOpportunity().strip()));
        return CommandResult.done();
    }

    /**
     * The desk corrects what it registered, up to the delegation's close. What routing decided by (the themes, the
     * kind and the political level) is fixed once it is routed: themes grow by a scope expansion (R4). A screened
     * delegation whose organisation, themes or date received change is screened again (R8 read them). A date received
     * after a programme item's day is refused as an item before receipt would be. A correction that changes nothing
     * records nothing.
     */
    @CommandHandler
    CommandResult handle(CorrectRequestCommand command, RequestHistory history) {
        requireOpen();
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A correction states its reason.");
        requireValidRequest(command.themes(), command.wishedFrom(), command.wishedTo(), command.headCount(),
                command.country(), command.dateReceived());
        Set<Theme> correctedThemes = EnumSet.copyOf(command.themes());
        if (status != DelegationStatus.REQUESTED && status != DelegationStatus.SCREENED) {
            String decided = !correctedThemes.equals(themes) ? "themes"
                    : command.delegationType() != delegationType ? "delegationType"
                    : command.politicalLevel() != politicalLevel ? "politicalLevel" : null;
            if (decided != null) {
                throw new DomainProblem(DelegationProblem.ROUTING_DECIDED, decided, "The delegation is routed: its "
                        + decided + " decided the routing and is no longer corrected"
                        + ("themes".equals(decided) ? " (themes grow by a scope expansion, R4)." : "."));
            }
        }
        for (ProgrammeItem item : items.values()) {
            if (item.startsAt().atZone(OpeTime.COPENHAGEN).toLocalDate().isBefore(command.dateReceived())) {
                throw invalid(DelegationProblem.ITEM_BEFORE_RECEIPT, "dateReceived", "A programme item starts on "
                        + item.startsAt().atZone(OpeTime.COPENHAGEN).toLocalDate() + ", before that date.");
            }
        }
        boolean screeningInputs = !JdbcRequestHistory.key(command.requestingOrganisation())
                .equals(JdbcRequestHistory.key(requestingOrganisation))
                || !correctedThemes.equals(themes) || !command.dateReceived().equals(dateReceived);
        if (!screeningInputs && command.channel() == channel
                && command.requestingOrganisation().equals(requestingOrganisation)
                && Objects.equals(command.originProvince(), originProvince)
                && Objects.equals(command.originCity(), originCity) && command.delegationType() == delegationType
                && command.politicalLevel() == politicalLevel && command.headCount() == headCount
                && command.wishedFrom().equals(wishedFrom) && command.wishedTo().equals(wishedTo)
                && Objects.equals(command.purpose(), purpose) && command.country().equals(country)) {
            return CommandResult.done();
        }
        List<Theme> sorted = correctedThemes.stream().sorted().toList();
        apply(new RequestCorrectedEvent(delegationId, command.channel(), command.requestingOrganisation(),
                command.originProvince(), command.originCity(), command.delegationType(), command.politicalLevel(),
                command.headCount(), command.wishedFrom(), command.wishedTo(), sorted, command.purpose(),
                command.country(), command.dateReceived(), command.reason().strip(),
                screeningInputs && status == DelegationStatus.SCREENED));
        if (screeningInputs) {
            history.corrected(delegationId, command.requestingOrganisation(), sorted, command.dateReceived());
        }
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RouteDelegationCommand command, RoutingTable routingTable, AssignmentPolicy policy,
                         DeadlineManager deadlines, DelegationOperators operators) {
        requireStatus(EnumSet.of(DelegationStatus.SCREENED, DelegationStatus.ROUTED), "routed");
        // political as R1 reads it: of type POLITICAL, or with political dialogue among its themes (before, R2 asked
        // an administrative delegation on political dialogue for a business opportunity R1 then did not use)
        boolean political = delegationType.isPolitical() || themes.contains(Theme.POLITICAL_DIALOGUE);
        if (!political && (businessOpportunity == null || businessOpportunity.isBlank())) {
            String reason = "A delegation of type " + delegationType + " without political dialogue among its themes"
                    + " is routed only with a stated business opportunity (R2).";
            return refuseRouting(DelegationProblem.NO_BUSINESS_FOCUS, reason);
        }
        RoutingTable.Snapshot table = routingTable.current();
        Set<OperatorId> declined = new java.util.TreeSet<>(Comparator.comparing(OperatorId::value));
        assignments.values().stream().filter(a -> a.state() == Assignment.State.DECLINED)
                .forEach(a -> declined.add(a.operatorId()));
        RoutingDecision decision = RoutingPolicy.decide(command, table, themes, delegationType.isPolitical(), declined)
                .orElse(null);
        if (decision == null) {
            String reason = "No operator takes any of the themes " + themes + " (routing table v" + table.version()
                    + (declined.isEmpty() ? "" : ", leaving out " + declined + ", who declined")
                    + "); the desk can route with an override.";
            return refuseRouting(DelegationProblem.NO_OPERATOR_FOR_THEMES, reason);
        }
        if (sameRoutingStillOpen(decision, command.overrideLead() != null)) {
            // routed again to the same operators by the same rule, every offer still open or accepted: sent twice,
            // it withdrew and offered everything anew, and the operators' deadlines began again
            return CommandResult.done();
        }
        for (Assignment current : new ArrayList<>(assignments.values())) {
            if (current.awaitsAnswer()) {
                deadlines.cancelAllWithinScope(DEADLINE_PREFIX + current.operatorId());
                current.withdraw(delegationId);
            } else if (current.state() == Assignment.State.ACCEPTED
                    && decision.role(current.operatorId()) != current.role()) {
                // the new routing leaves it out, or gives it the other role (offered anew below)
                current.withdraw(delegationId);
            }
        }
        apply(new DelegationRoutedEvent(delegationId, decision.lead(), decision.supporting(), decision.routingVersion(),
                command.overrideLead() != null, decision.reason()));
        Instant dueAt = policy.dueAt(GenericEventMessage.clock.instant());
        for (OperatorId operator : RoutingPolicy.leadFirst(decision.lead(), decision.supporting())) {
            AssignmentRole role = decision.role(operator);
            Assignment kept = assignments.get(operator);
            if (kept != null && kept.state() == Assignment.State.ACCEPTED && kept.role() == role) {
                continue; // already accepted in this role: the new routing keeps it, not a new offer to answer
            }
            apply(new AssignmentOfferedEvent(delegationId, operator, role, dueAt));
            operators.offered(delegationId, operator);
            deadlines.schedule(dueAt, DEADLINE_PREFIX + operator, new AssignmentDue(operator));
        }
        return CommandResult.done();
    }

    /**
     * Whether {@code decision} is the routing in force, and each operator it names holds its role, offered (not
     * escalated: routing again is how the desk offers an escalated assignment anew) or accepted, and no one else
     * awaits an answer.
     */
    private boolean sameRoutingStillOpen(RoutingDecision decision, boolean override) {
        if (status != DelegationStatus.ROUTED || routing == null || !routing.lead().equals(decision.lead())
                || !new java.util.HashSet<>(routing.supporting()).equals(new java.util.HashSet<>(decision.supporting()))
                || routing.routingVersion() != decision.routingVersion() || routing.override() != override
                || !java.util.Objects.equals(routing.reason(), decision.reason())) {
            return false;
        }
        for (Assignment current : assignments.values()) {
            AssignmentRole role = decision.role(current.operatorId());
            boolean open = current.state() == Assignment.State.OFFERED || current.state() == Assignment.State.ACCEPTED;
            if (role != null ? role != current.role() || !open : current.awaitsAnswer()) {
                return false;
            }
        }
        return RoutingPolicy.leadFirst(decision.lead(), decision.supporting()).stream()
                .allMatch(assignments::containsKey);
    }

    /** A routing refusal an auditor must see: recorded as an event, and returned so that it commits. */
    private CommandResult refuseRouting(DelegationProblem code, String reason) {
        apply(new RoutingRefusedEvent(delegationId, code.name(), reason));
        return CommandResult.refused(code, reason);
    }

    /**
     * Before an {@link Assignment} handles an answer: an operator answers only for itself and cannot tell a
     * missing assignment from one it may not see; the desk is told which assignment is missing.
     */
    @CommandHandlerInterceptor
    void answerable(AssignmentAnswer command, @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        OperatorId operator = command.operatorId();
        if (actingOperator != null && !actingOperator.equals(operator.value())) {
            throw DomainProblem.notFound();
        }
        Assignment assignment = assignments.get(operator);
        if (assignment == null || assignment.state() == Assignment.State.WITHDRAWN) {
            throw actingOperator != null ? DomainProblem.notFound()
                    : new DomainProblem(DelegationProblem.ASSIGNMENT_NOT_FOUND,
                    "Operator " + operator + " has no assignment on this delegation.");
        }
        requireOpen();
        assignment.requireUnanswered();
    }

    @DeadlineHandler
    void on(AssignmentDue due) {
        Assignment assignment = assignments.get(due.operatorId());
        if (assignment != null && assignment.state() == Assignment.State.OFFERED && !status.isClosed()) {
            assignment.escalate(delegationId);
        }
    }

    @CommandHandler
    CommandResult handle(RequestScopeExpansionCommand command) {
        if (status.isClosed()) {
            throw new DomainProblem(DelegationProblem.DELEGATION_CLOSED,
                    "The delegation is already " + status + "; its themes can no longer be expanded (R4).");
        }
        if (!status.isRouted()) {
            throw new DomainProblem(DelegationProblem.NOT_ROUTED,
                    "Before routing, themes belong to the request itself; scope expansion comes after routing (R4).");
        }
        List<Theme> asked = command.themes() == null ? List.of() : command.themes();
        for (int i = 0; i < asked.size(); i++) {
            // a theme the delegation has was dropped from the request without a word, the rest recorded
            if (themes.contains(asked.get(i))) {
                throw invalid(DelegationProblem.NOTHING_TO_EXPAND, "themes[" + i + "]", "The delegation already covers "
                        + asked.get(i) + "; a scope expansion asks for new themes only.");
            }
        }
        List<Theme> added = asked.stream().distinct().sorted().toList();
        if (added.isEmpty()) {
            throw invalid(DelegationProblem.NOTHING_TO_EXPAND, "themes", "The delegation already covers these themes.");
        }
        // a theme an open request already asks for is decided there: asked twice, both were approved, the second
        // expanding nothing, and the R4 history was padded with it
        List<String> pending = scopeRequests.values().stream().filter(ScopeRequest::isOpen)
                .filter(open -> open.themes().stream().anyMatch(added::contains))
                .map(ScopeRequest::requestId).sorted().toList();
        if (!pending.isEmpty()) {
            throw new DomainProblem(DelegationProblem.SCOPE_REQUEST_PENDING, "themes", "The open scope request "
                    + String.join(", ", pending) + " already asks for a theme of this one; the desk decides it first.");
        }
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A scope expansion states why.");
        apply(new ScopeExpansionRequestedEvent(delegationId, command.requestId(), added, command.reason().trim()));
        return CommandResult.done();
    }

    /**
     * A lead that declines returns the delegation to the desk; the supporting offers nobody answered go with it, as
     * on every other return or closing. Before, a supporting operator could still accept an offer on a delegation
     * with no lead and not routed, or let it escalate onto the desk's list.
     */
    @CommandHandlerInterceptor
    Object leadDeclines(DeclineAssignmentCommand command, InterceptorChain chain, DeadlineManager deadlines)
            throws Exception {
        Object result = chain.proceed();
        Assignment declined = assignments.get(command.operatorId());
        if (declined != null && declined.role() == AssignmentRole.LEAD && returnedByItsLead()
                && assignments.values().stream().anyMatch(Assignment::awaitsAnswer)) {
            withdrawOpenOffers(deadlines);
            return CommandResult.done();
        }
        return result;
    }

    /** Back at the desk, with no lead, because the lead it was routed to declined: not routed until it is again. */
    private boolean returnedByItsLead() {
        return status == DelegationStatus.SCREENED && lead == null && assignments.values().stream()
                .anyMatch(a -> a.role() == AssignmentRole.LEAD && a.state() == Assignment.State.DECLINED);
    }

    /** Before a {@link ScopeRequest} handles a decision: it exists, and it is still open. */
    @CommandHandlerInterceptor
    void openScopeRequest(ScopeDecision command) {
        ScopeRequest request = scopeRequests.get(command.requestId());
        if (request == null) {
            throw new DomainProblem(DelegationProblem.SCOPE_REQUEST_NOT_FOUND,
                    "No scope request " + command.requestId() + ".");
        }
        request.requireOpen();
    }

    /**
     * Rule R4: the approved themes join the delegation, and each operator the routing table gives for them is
     * offered a supporting assignment (with the R5 deadline) unless it is on the delegation already: an open or
     * accepted assignment stays as it is; an operator whose offer was withdrawn or declined is offered the new
     * scope. A delegation sent back to the desk by its lead's decline offers nothing: its next routing takes the
     * approved themes into account. Handled by the root, as it spans the delegation's assignments.
     */
    @CommandHandler
    CommandResult handle(ApproveScopeExpansionCommand command, RoutingTable routingTable, AssignmentPolicy policy,
                         DeadlineManager deadlines, DelegationOperators operators, RequestHistory history) {
        requireOpen();
        ScopeRequest request = scopeRequests.get(command.requestId());
        apply(new ScopeExpansionApprovedEvent(delegationId, request.requestId(), request.themes()));
        // R8 counts the approved themes as the delegation's own: a later request on them is a repeat
        history.expanded(delegationId, request.themes());
        if (!status.isRouted()) {
            return CommandResult.done();
        }
        Instant dueAt = policy.dueAt(GenericEventMessage.clock.instant());
        for (OperatorId operator : RoutingPolicy.operatorsTaking(routingTable.current(), request.themes())) {
            Assignment assignment = assignments.get(operator);
            if (assignment != null && assignment.isOnTheDelegation()) {
                continue;
            }
            apply(new AssignmentOfferedEvent(delegationId, operator, AssignmentRole.SUPPORTING, dueAt));
            operators.offered(delegationId, operator);
            deadlines.schedule(dueAt, DEADLINE_PREFIX + operator, new AssignmentDue(operator));
        }
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AddProgrammeItemCommand command, Directory directory,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        ProgrammeItemCheck.Hospital hospital = ProgrammeItemCheck.hospital(command.title(), command.startsAt(),
                command.endsAt(), command.venueId(), command.hostId(), directory);
        if (items.containsKey(command.itemId())) {
            throw new DomainProblem(DelegationProblem.ITEM_EXISTS, "That programme item exists already.");
        }
        requireNotBeforeReceipt(command.startsAt());
        apply(new ProgrammeItemAddedEvent(delegationId, command.itemId(), command.kind(), command.title().trim(),
                command.startsAt(), command.endsAt(), command.venueId(), command.hostId(), hospital.host(),
                actingOperator == null ? null : new OperatorId(actingOperator), hospital.venue()));
        return CommandResult.done();
    }

    /**
     * Before a {@link ProgrammeItem} handles a change: the actor may plan now, the item exists, and the actor
     * may change it.
     */
    @CommandHandlerInterceptor
    void changeableItem(ProgrammeItemChange command, @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        mayPlanProgramme(actingOperator);
        ProgrammeItem item = items.get(command.itemId());
        if (item == null) {
            throw new DomainProblem(DelegationProblem.ITEM_NOT_FOUND, "No programme item " + command.itemId() + ".");
        }
        item.mayBeChangedBy(actingOperator, lead);
        if (command instanceof ChangeProgrammeItemCommand change && change.startsAt() != null) {
            requireNotBeforeReceipt(change.startsAt());
        }
    }

    /**
     * A programme item starts on or after the day the request was received (Copenhagen). An item dated years before
     * was accepted: one such item among the real ones made the visit "begun", so it was completed, its figures counted
     * in the operator's KPIs, long before it took place.
     */
    private void requireNotBeforeReceipt(Instant startsAt) {
        if (dateReceived != null && startsAt.atZone(OpeTime.COPENHAGEN).toLocalDate().isBefore(dateReceived)) {
            throw invalid(DelegationProblem.ITEM_BEFORE_RECEIPT, "startsAt", "A programme item starts on or after the "
                    + "day the request was received (" + dateReceived + ").");
        }
    }

    @CommandHandler
    CommandResult handle(ConfirmDelegationCommand command, Bookings bookings) {
        requireStatus(EnumSet.of(DelegationStatus.PROGRAMME_PLANNED), "confirmed");
        if (items.isEmpty()) {
            throw new DomainProblem(DelegationProblem.EMPTY_PROGRAMME, "A programme without items cannot be confirmed.");
        }
        List<String> uncovered = items.entrySet().stream()
                .filter(e -> e.getValue().lacksCostCoverage())
                .map(Map.Entry::getKey).sorted().toList();
        if (!uncovered.isEmpty()) {
            String reason = "Items hosted by a hospital or held at one need a cost-coverage agreement before "
                    + "confirmation (R3): " + uncovered;
            return refuseConfirmation(DelegationProblem.COST_COVERAGE_MISSING, reason, uncovered);
        }
        List<Bookings.Booking> wanted = items.values().stream().map(ProgrammeItem::booking).toList();
        List<String> ownClashes = Bookings.clashingWithin(wanted);
        if (!ownClashes.isEmpty()) {
            String reason = "These items of the programme book the same venue or host at overlapping times (R6): "
                    + ownClashes;
            return refuseConfirmation(DelegationProblem.DOUBLE_BOOKING, reason, ownClashes);
        }
        List<String> conflicts = bookings.bookAll(delegationId, wanted);
        if (!conflicts.isEmpty()) {
            String reason = "A venue or host of these items is already booked by a confirmed programme at that time (R6): "
                    + conflicts;
            return refuseConfirmation(DelegationProblem.DOUBLE_BOOKING, reason, conflicts);
        }
        apply(new DelegationConfirmedEvent(delegationId));
        return CommandResult.done();
    }

    /**
     * The desk reopens a confirmed programme to change it: a visit whose item was dated wrong could otherwise not be
     * completed until that date, nor a moved meeting be corrected, short of withdrawing the delegation. What the
     * confirmation booked is freed; confirming again checks R3 and R6 again and books again.
     */
    @CommandHandler
    CommandResult handle(ReopenProgrammeCommand command, Bookings bookings) {
        requireStatus(EnumSet.of(DelegationStatus.CONFIRMED), "reopened (only a confirmed programme is)");
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A reopening states its reason.");
        bookings.release(delegationId);
        apply(new ProgrammeReopenedEvent(delegationId, command.reason().strip()));
        return CommandResult.done();
    }

    /** A confirmation refusal an auditor must see: recorded as an event, and returned so that it commits. */
    private CommandResult refuseConfirmation(DelegationProblem code, String reason, List<String> itemIds) {
        apply(new ConfirmationRefusedEvent(delegationId, code.name(), reason, itemIds));
        return CommandResult.refused(code, reason);
    }

    @CommandHandler
    CommandResult handle(CancelDelegationCommand command, Bookings bookings, DeadlineManager deadlines) {
        requireOpen();
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A cancellation states its reason.");
        bookings.release(delegationId);
        apply(new DelegationCancelledEvent(delegationId, command.reason().trim()));
        withdrawOpenOffers(deadlines);
        return CommandResult.done();
    }

    /**
     * The desk withdraws the delegation before its visit took place (its programme fell through): open offers are
     * withdrawn with their deadlines, and whatever the programme booked (R6) is freed. Not after completion, and
     * not once the delegation is cancelled, declined or withdrawn.
     */
    @CommandHandler
    CommandResult handle(WithdrawDelegationCommand command, Bookings bookings, DeadlineManager deadlines) {
        requireOpen();
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "A withdrawal states its reason.");
        bookings.release(delegationId);
        apply(new DelegationWithdrawnEvent(delegationId, command.reason().trim()));
        withdrawOpenOffers(deadlines);
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(DeclineDelegationCommand command, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(DelegationStatus.REQUESTED, DelegationStatus.SCREENED, DelegationStatus.ROUTED),
                "declined by the desk");
        requireText(command.reason(), DelegationProblem.REASON_REQUIRED, "reason", "The desk states why it declines.");
        apply(new DelegationDeclinedEvent(delegationId, command.reason().trim()));
        withdrawOpenOffers(deadlines);
        return CommandResult.done();
    }

    /**
     * A delegation closed before closing withdrew the offers nobody answered (a cancellation or decline before that
     * change, a completion before the next), or sent back to the desk by its lead's decline before that withdrew
     * the supporting offers, has them withdrawn now, with their deadlines, by the system. A delegation in any other
     * state, or one without such offers, records nothing.
     */
    @CommandHandler
    CommandResult handle(WithdrawUnansweredOffersCommand command, DeadlineManager deadlines) {
        if (status.isClosed() || returnedByItsLead()) {
            withdrawOpenOffers(deadlines);
        }
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AddMemberCommand command, PersonalData personalData, PersonNames personNames) {
        requireOpen();
        requireText(command.name(), DelegationProblem.NAME_REQUIRED, "name", "A member has a name.");
        if (members.contains(command.memberId())) {
            throw new DomainProblem(DelegationProblem.MEMBER_EXISTS, "That member is already on the delegation.");
        }
        PersonId person = command.personId();
        if (person != null && memberPersons.containsValue(person)) {
            // one person is one member, as on a trip: twice, the person carried two names and right of access both
            throw new DomainProblem(DelegationProblem.MEMBER_EXISTS, "personId",
                    "That person is already on the delegation; one person is one member.");
        }
        if (person != null) {
            personNames.requireOneName(person, command.name(), "name");
        }
        apply(new DelegationMemberAddedEvent(delegationId, command.memberId(), person,
                personalData.seal(person, command.name().trim()), personalData.seal(person, command.title()),
                personalData.seal(person, command.email()), personalData.seal(person, command.phone()),
                command.organisation(), command.contact()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RemoveMemberCommand command) {
        requireOpen(); // as adding: a closed delegation's members are its record
        if (!members.contains(command.memberId())) {
            throw new DomainProblem(DelegationProblem.MEMBER_NOT_FOUND, "No member " + command.memberId() + ".");
        }
        apply(new DelegationMemberRemovedEvent(delegationId, command.memberId()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(CompleteDelegationCommand command, RoutingTable routingTable, DeadlineManager deadlines,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        if (actingOperator != null && !isLead(actingOperator)) {
            Assignment own = assignments.get(new OperatorId(actingOperator));
            if (own != null && own.isOnTheDelegation()) {
                // an operator that sees the delegation was told it does not exist
                throw new DomainProblem(DelegationProblem.ONLY_THE_LEAD_COMPLETES, "The desk or the lead operator "
                        + "completes the visit; a supporting operator reports its own outcome (PUT "
                        + "/api/delegations/" + delegationId + "/supporting-outcomes/" + actingOperator + ").");
            }
            throw DomainProblem.notFound();
        }
        requireStatus(EnumSet.of(DelegationStatus.CONFIRMED), "completed");
        if (command.outcome() == null || command.outcome().investmentLeads() < 0) {
            throw invalid(DelegationProblem.INVALID_OUTCOME, "investmentLeads", "A completion reports the visit's outcome.");
        }
        for (int i = 0; i < command.outcome().followUps().size(); i++) {
            // a follow-up is handed to a registered operator: "nobody" was recorded and counted
            OperatorId operator = command.outcome().followUps().get(i).operatorId();
            if (operator != null && !routingTable.current().themesByOperator().containsKey(operator)) {
                throw new DomainProblem(DelegationProblem.UNKNOWN_OPERATOR, "followUps[" + i + "].operatorId",
                        "No operator " + operator + ".");
            }
        }
        // a completion reports what the visit brought: not before its programme's last item has started. The first
        // item was the test, and a preparatory call a year ahead of the visit let it be completed, its figures
        // counted in that year's KPIs
        Instant lastBegins = items.values().stream().map(ProgrammeItem::startsAt).max(Comparator.naturalOrder())
                .orElse(null);
        if (lastBegins != null && lastBegins.isAfter(GenericEventMessage.clock.instant())) {
            throw new DomainProblem(DelegationProblem.VISIT_NOT_BEGUN, "The visit has not taken place: its programme's "
                    + "last item starts " + lastBegins + ". Complete the delegation once the visit has taken place.");
        }
        apply(new DelegationCompletedEvent(delegationId, command.outcome()));
        withdrawOpenOffers(deadlines);
        return CommandResult.done();
    }

    /**
     * A supporting operator's own outcome, once the lead (or the desk) has completed the visit: the operator that
     * accepted a supporting assignment reports for itself, the desk for any of them. Reported again, it replaces
     * the earlier report. The lead's figures are the completion's, so the lead is refused here.
     */
    @CommandHandler
    CommandResult handle(ReportSupportingOutcomeCommand command,
                         @MetaDataValue(ActorMetadata.OPERATOR) String actingOperator) {
        OperatorId operator = command.operatorId();
        if (actingOperator != null && !actingOperator.equals(operator.value())) {
            throw DomainProblem.notFound();
        }
        Assignment assignment = assignments.get(operator);
        if (actingOperator != null && (assignment == null || !assignment.isOnTheDelegation())) {
            // an operator that declined or lost its assignment reads this delegation as not there: 404, as its reads
            throw DomainProblem.notFound();
        }
        boolean supported = assignment != null && assignment.role() == AssignmentRole.SUPPORTING
                && assignment.state() == Assignment.State.ACCEPTED && !operator.equals(lead);
        if (!supported) {
            throw new DomainProblem(DelegationProblem.NOT_A_SUPPORTING_OPERATOR, "operatorId", "Operator " + operator
                    + " did not accept a supporting assignment on this delegation; the lead reports at completion.");
        }
        if (status != DelegationStatus.COMPLETED) {
            throw new DomainProblem(DelegationProblem.NOT_COMPLETED, "A supporting operator reports its outcome once "
                    + "the visit is completed; this delegation is " + status + ".");
        }
        Outcome outcome = command.outcome();
        if (outcome == null || outcome.investmentLeads() < 0) {
            throw invalid(DelegationProblem.INVALID_OUTCOME, "investmentLeads", "An outcome reports the investment leads.");
        }
        Outcome reported = new Outcome(outcome.summary(), outcome.investmentLeads(), outcome.companies(),
                outcome.mous(), List.of(), outcome.companiesEstablished(), outcome.jobsCreated(), outcome.tourists(),
                outcome.overnightStays());
        if (reported.equals(supportingOutcomes.get(operator))) {
            return CommandResult.done(); // the report it stands at: a second event counted nothing new
        }
        apply(new SupportingOutcomeReportedEvent(delegationId, operator, reported));
        return CommandResult.done();
    }

    @EventSourcingHandler
    void on(SupportingOutcomeReportedEvent event) {
        supportingOutcomes.put(event.operatorId(), event.outcome());
    }

    @EventSourcingHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at) {
        this.id = event.delegationId().value();
        this.registeredAt = at;
        this.dateReceived = event.dateReceived();
        this.delegationId = event.delegationId();
        this.status = DelegationStatus.REQUESTED;
        this.delegationType = event.delegationType();
        this.businessOpportunity = event.businessOpportunity();
        this.themes = EnumSet.copyOf(event.themes());
        this.channel = event.channel();
        this.requestingOrganisation = event.requestingOrganisation();
        this.originProvince = event.originProvince();
        this.originCity = event.originCity();
        this.politicalLevel = event.politicalLevel();
        this.headCount = event.headCount();
        this.wishedFrom = event.wishedFrom();
        this.wishedTo = event.wishedTo();
        this.purpose = event.purpose();
        this.country = event.country();
        this.assignments = new LinkedHashMap<>();
        this.supportingOutcomes = new HashMap<>();
        this.scopeRequests = new HashMap<>();
        this.items = new LinkedHashMap<>();
        this.members = new HashSet<>();
        this.memberPersons = new HashMap<>();
    }

    @EventSourcingHandler
    void on(DelegationMemberAddedEvent event) {
        members.add(event.memberId());
        memberPersons.put(event.memberId(), event.personId());
    }

    @EventSourcingHandler
    void on(DelegationMemberRemovedEvent event) {
        members.remove(event.memberId());
        memberPersons.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(RequestCorrectedEvent event) {
        channel = event.channel();
        requestingOrganisation = event.requestingOrganisation();
        originProvince = event.originProvince();
        originCity = event.originCity();
        delegationType = event.delegationType();
        politicalLevel = event.politicalLevel();
        headCount = event.headCount();
        wishedFrom = event.wishedFrom();
        wishedTo = event.wishedTo();
        themes = EnumSet.copyOf(event.themes());
        purpose = event.purpose();
        country = event.country();
        dateReceived = event.dateReceived();
        if (event.screeningReset()) {
            status = DelegationStatus.REQUESTED;
        }
    }

    @EventSourcingHandler
    void on(BusinessOpportunityStatedEvent event) {
        businessOpportunity = event.businessOpportunity();
    }

    @EventSourcingHandler
    void on(DelegationScreenedEvent event) {
        status = DelegationStatus.SCREENED;
    }

    @EventSourcingHandler
    void on(DelegationRoutedEvent event) {
        status = DelegationStatus.ROUTED;
        lead = event.lead();
        routing = event;
    }

    @EventSourcingHandler
    void on(AssignmentOfferedEvent event) {
        assignments.put(event.operatorId(), new Assignment(event.operatorId(), event.role(), event.dueAt()));
    }

    @EventSourcingHandler
    void on(AssignmentAcceptedEvent event) {
        if (event.role() == AssignmentRole.LEAD && status == DelegationStatus.ROUTED) {
            status = DelegationStatus.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(AssignmentDeclinedEvent event) {
        if (event.returnedToDesk()) {
            status = DelegationStatus.SCREENED;
            lead = null;
        }
    }

    @EventSourcingHandler
    void on(ScopeExpansionRequestedEvent event) {
        scopeRequests.put(event.requestId(), new ScopeRequest(event.requestId(), event.themes()));
    }

    @EventSourcingHandler
    void on(ScopeExpansionApprovedEvent event) {
        themes.addAll(event.themes());
    }

    @EventSourcingHandler
    void on(ProgrammeItemAddedEvent event) {
        items.put(event.itemId(), new ProgrammeItem(event));
        status = DelegationStatus.PROGRAMME_PLANNED;
    }

    @EventSourcingHandler
    void on(ProgrammeItemRemovedEvent event) {
        items.remove(event.itemId());
        if (items.isEmpty() && status == DelegationStatus.PROGRAMME_PLANNED) {
            status = DelegationStatus.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(DelegationConfirmedEvent event) {
        status = DelegationStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(ProgrammeReopenedEvent event) {
        status = DelegationStatus.PROGRAMME_PLANNED;
    }

    @EventSourcingHandler
    void on(DelegationCancelledEvent event) {
        status = DelegationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(DelegationWithdrawnEvent event) {
        status = DelegationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DelegationDeclinedEvent event) {
        status = DelegationStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(DelegationCompletedEvent event) {
        status = DelegationStatus.COMPLETED;
    }

    /** The desk plans any programme; an operator plans once it has accepted its assignment. */
    private void mayPlanProgramme(String actingOperator) {
        if (actingOperator != null) {
            Assignment assignment = assignments.get(new OperatorId(actingOperator));
            if (assignment == null || assignment.state() == Assignment.State.WITHDRAWN
                    || assignment.state() == Assignment.State.DECLINED) {
                throw DomainProblem.notFound();
            }
            if (assignment.state() != Assignment.State.ACCEPTED) {
                throw new DomainProblem(DelegationProblem.ASSIGNMENT_NOT_ACCEPTED,
                        "An operator plans programme items once it has accepted its assignment.");
            }
        }
        requireStatus(EnumSet.of(DelegationStatus.ACCEPTED, DelegationStatus.PROGRAMME_PLANNED),
                "given programme changes (the lead must have accepted, and a confirmed programme is fixed)");
    }

    private boolean isLead(String operator) {
        return lead != null && lead.value().equals(operator);
    }

    /**
     * A closed delegation's unanswered offers (offered or escalated) are withdrawn with their R5 deadlines: after a
     * cancellation, a decline or a completion they stayed OFFERED in the operator's inbox, with buttons that could
     * only answer 409, and turned overdue on the desk's list.
     */
    private void withdrawOpenOffers(DeadlineManager deadlines) {
        for (Assignment open : new ArrayList<>(assignments.values())) {
            if (open.awaitsAnswer()) {
                deadlines.cancelAllWithinScope(DEADLINE_PREFIX + open.operatorId());
                open.withdraw(delegationId);
            }
        }
    }

    /** What a registration and a correction both hold to, whichever way they came in. */
    private static void requireValidRequest(List<Theme> themes, java.time.LocalDate wishedFrom,
                                            java.time.LocalDate wishedTo, int headCount, String country,
                                            java.time.LocalDate dateReceived) {
        if (themes.isEmpty()) {
            throw invalid(DelegationProblem.THEMES_REQUIRED, "themes", "A delegation request names at least one theme.");
        }
        if (wishedTo.isBefore(wishedFrom)) {
            throw invalid(DelegationProblem.INVALID_DATE_WINDOW, "wishedTo", "The wished date window ends before it starts.");
        }
        if (headCount < 1) {
            throw invalid(DelegationProblem.INVALID_HEAD_COUNT, "headCount", "A delegation has at least one member.");
        }
        if (!CountryCodes.isAssigned(country)) {
            throw invalid(InputProblem.INVALID_COUNTRY, "country", "The country of origin is an ISO 3166-1 alpha-2 code, e.g. CN.");
        }
        if (dateReceived == null) {
            throw invalid(DelegationProblem.DATE_RECEIVED_REQUIRED, "dateReceived",
                    "A request is registered with the date the desk received it.");
        }
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new DomainProblem(DelegationProblem.DELEGATION_CLOSED, "The delegation is already " + status + ".");
        }
    }

    private void requireStatus(Set<DelegationStatus> allowed, String what) {
        if (!allowed.contains(status)) {
            throw new DomainProblem(DelegationProblem.INVALID_STATE,
                    "A delegation that is " + status + " cannot be " + what + ".");
        }
    }
}
