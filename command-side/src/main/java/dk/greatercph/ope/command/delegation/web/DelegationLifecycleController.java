package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.platform.idempotency.RecordedResource;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.InvalidInput;
import dk.greatercph.ope.command.delegation.AcceptAssignmentCommand;
import dk.greatercph.ope.command.delegation.AddMemberCommand;
import dk.greatercph.ope.command.delegation.AddProgrammeItemCommand;
import dk.greatercph.ope.command.delegation.ApproveScopeExpansionCommand;
import dk.greatercph.ope.command.delegation.CancelDelegationCommand;
import dk.greatercph.ope.command.delegation.ChangeProgrammeItemCommand;
import dk.greatercph.ope.command.delegation.CompleteDelegationCommand;
import dk.greatercph.ope.command.delegation.ReportSupportingOutcomeCommand;
import dk.greatercph.ope.command.delegation.ConfirmDelegationCommand;
import dk.greatercph.ope.command.delegation.DeclineAssignmentCommand;
import dk.greatercph.ope.command.delegation.DeclineDelegationCommand;
import dk.greatercph.ope.command.delegation.DelegationProblem;
import dk.greatercph.ope.command.delegation.RecordCostCoverageCommand;
import dk.greatercph.ope.command.delegation.RejectScopeExpansionCommand;
import dk.greatercph.ope.command.delegation.RemoveMemberCommand;
import dk.greatercph.ope.command.delegation.RemoveProgrammeItemCommand;
import dk.greatercph.ope.command.delegation.ReopenProgrammeCommand;
import dk.greatercph.ope.command.delegation.RequestScopeExpansionCommand;
import dk.greatercph.ope.command.delegation.RouteDelegationCommand;
import dk.greatercph.ope.command.delegation.ScreenDelegationCommand;
import dk.greatercph.ope.command.delegation.StateBusinessOpportunityCommand;
import dk.greatercph.ope.command.delegation.WithdrawDelegationCommand;
import dk.greatercph.ope.command.person.PersonReferences;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.ExpectedVersion;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.time.OpeTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.beans.PropertyEditorSupport;
import dk.greatercph.ope.platform.input.CopenhagenDateTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The delegation lifecycle after registration: screening, routing, the operators' answers, scope expansion,
 * the visit programme, confirmation and closure (completion, cancellation, decline or the desk's withdrawal).
 * Every answer carries the delegation's new version as ETag; If-Match makes a command conditional.
 */
@RestController
@RequestMapping(path = "/api/delegations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegations (commands)")
class DelegationLifecycleController {

    private static final String IF_MATCH = "Only if the delegation is still at this version, e.g. \"3\"";

    private final CommandAnswers commands;
    private final PersonReferences persons;

    DelegationLifecycleController(CommandAnswers commands, PersonReferences persons) {
        this.commands = commands;
        this.persons = persons;
    }

    /** An operator id in an assignment's path that cannot be an operator's code names no assignment. */
    @InitBinder
    void assignments(WebDataBinder binder) {
        binder.registerCustomEditor(OperatorId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String id) {
                try {
                    setValue(new OperatorId(id));
                } catch (IllegalArgumentException e) {
                    throw new DomainProblem(DelegationProblem.ASSIGNMENT_NOT_FOUND, "No assignment for " + id + ".");
                }
            }
        });
    }

    @PostMapping(path = "/screening", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the screening (R8 repeat-request check, business opportunity assessment)",
            description = "DESK. Flags a repeat request (R8: same organisation, overlapping themes, within 24 months) and records the desk's assessment; answers the new version in ETag.")
    ResponseEntity<CommandAccepted> screen(@Valid @RequestBody DelegationRequests.Screening request,
                                           @PathVariable DelegationId id,
                                           @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ScreenDelegationCommand(id, request.businessOpportunityAssessment(),
                expected.value()));
    }

    @PostMapping(path = "/routing", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Route by the routing table (R1), or override it with a reason; R2 refuses a non-political "
            + "delegation without a business opportunity (422 NO_BUSINESS_FOCUS, recorded as an event)",
            description = "DESK. An empty body routes by the current routing table; overrideLead and overrideSupporting with a reason override it. Re-routing withdraws unanswered offers. The routing in force sent again, while each of its offers is still open (not escalated) or accepted, records nothing and answers the current version.")
    ResponseEntity<CommandAccepted> route(@Valid @RequestBody DelegationRequests.Routing request,
                                          @PathVariable DelegationId id,
                                          @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        List<OperatorId> supporting = request.overrideSupporting() == null ? List.of()
                : request.overrideSupporting().stream().map(OperatorId::new).toList();
        return commands.ok(id, new RouteDelegationCommand(id,
                request.overrideLead() == null ? null : new OperatorId(request.overrideLead()), supporting,
                request.reason(), expected.value()));
    }

    @PostMapping("/assignments/{operatorId}/acceptance")
    @Operation(summary = "The operator accepts its assignment",
            description = "The operator named in the path (or the desk). Accepting the lead moves the delegation to ACCEPTED; another operator's assignment answers 404.")
    ResponseEntity<CommandAccepted> accept(@PathVariable DelegationId id, @PathVariable OperatorId operatorId,
                                           @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new AcceptAssignmentCommand(id, operatorId, expected.value()));
    }

    @PostMapping(path = "/assignments/{operatorId}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The operator declines its assignment; a declining lead returns the delegation to the desk",
            description = "The operator named in the path (or the desk), with a reason. A declining lead sets the delegation back to SCREENED, to be routed again.")
    ResponseEntity<CommandAccepted> declineAssignment(@Valid @RequestBody DelegationRequests.Reason request,
                                                      @PathVariable DelegationId id,
                                                      @PathVariable OperatorId operatorId,
                                                      @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new DeclineAssignmentCommand(id, operatorId, request.reason(), expected.value()));
    }

    @PostMapping(path = "/scope-expansions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for more themes after routing (R4); the desk approves or rejects",
            description = "DESK. Answers 201 with the request's id in Location; before routing 409 NOT_ROUTED; on a "
                    + "completed, cancelled, declined or withdrawn delegation 409 DELEGATION_CLOSED.")
    @Creates
    ResponseEntity<CommandAccepted> requestScopeExpansion(@Valid @RequestBody DelegationRequests.ScopeExpansion request,
                                                          @PathVariable DelegationId id,
                                                          @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        String requestId = "SCP-" + UUID.randomUUID();
        return commands.created("/api/delegations/" + id + "/scope-expansions/" + requestId, requestId,
                new RequestScopeExpansionCommand(id, requestId, List.copyOf(request.themes()),
                        request.reason(), expected.value()));
    }

    @PostMapping("/scope-expansions/{requestId}/approval")
    @Operation(summary = "The desk approves a scope expansion",
            description = "DESK. The themes join the delegation, and each operator the routing table gives for them is "
                    + "offered a SUPPORTING assignment with the R5 deadline unless it already holds an open or accepted "
                    + "one (R4). Deciding a request twice is 409 SCOPE_REQUEST_CLOSED; approving on a closed delegation "
                    + "409 DELEGATION_CLOSED.")
    ResponseEntity<CommandAccepted> approveScopeExpansion(@PathVariable DelegationId id, @PathVariable String requestId,
                                                          @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ApproveScopeExpansionCommand(id, requestId, expected.value()));
    }

    @PostMapping(path = "/scope-expansions/{requestId}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The desk rejects a scope expansion (depth before breadth, R4)",
            description = "DESK, with a reason. Deciding a request twice is 409 SCOPE_REQUEST_CLOSED.")
    ResponseEntity<CommandAccepted> rejectScopeExpansion(@Valid @RequestBody DelegationRequests.Reason request,
                                                         @PathVariable DelegationId id, @PathVariable String requestId,
                                                         @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RejectScopeExpansionCommand(id, requestId, request.reason(), expected.value()));
    }

    @PostMapping(path = "/programme-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a programme item (tentative until confirmation)",
            description = "The desk, or an operator working on the delegation. Answers 201 with the item's id in Location; the item stays tentative until the delegation is confirmed.")
    @Creates
    ResponseEntity<CommandAccepted> addProgrammeItem(@Valid @RequestBody DelegationRequests.ProgrammeItem request,
                                                     @PathVariable DelegationId id,
                                                     @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        String itemId = "ITM-" + UUID.randomUUID();
        return commands.created("/api/delegations/" + id + "/programme-items/" + itemId, itemId,
                new AddProgrammeItemCommand(id, itemId, request.kind(), request.title(),
                        instant("startsAt", request.startsAt()), instant("endsAt", request.endsAt()),
                        new VenueId(request.venueId()), host(request.hostId()), expected.value()));
    }

    @PutMapping(path = "/programme-items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a programme item",
            description = "The desk, or an operator working on the delegation; an operator changes only the items it added (the lead all of them), otherwise 403 ITEM_OF_ANOTHER_OPERATOR. A changed item is tentative again.")
    ResponseEntity<CommandAccepted> changeProgrammeItem(@Valid @RequestBody DelegationRequests.ProgrammeItem request,
                                                        @PathVariable DelegationId id, @PathVariable String itemId,
                                                        @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ChangeProgrammeItemCommand(id, itemId, request.kind(), request.title(),
                instant("startsAt", request.startsAt()), instant("endsAt", request.endsAt()),
                new VenueId(request.venueId()), host(request.hostId()), expected.value()));
    }

    @DeleteMapping("/programme-items/{itemId}")
    @Operation(summary = "Remove a programme item",
            description = "The desk, or an operator working on the delegation; an operator removes only the items it added (the lead all of them), otherwise 403 ITEM_OF_ANOTHER_OPERATOR.")
    ResponseEntity<CommandAccepted> removeProgrammeItem(@PathVariable DelegationId id, @PathVariable String itemId,
                                                        @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RemoveProgrammeItemCommand(id, itemId, expected.value()));
    }

    @PostMapping(path = "/programme-items/{itemId}/cost-coverage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record who pays for a programme item (required for items hosted by or held at a hospital, R3)",
            description = "The desk, or an operator working on the delegation. Payer, basis and amount; confirmation needs it for every item hosted by a hospital partner or held at a hospital venue (R3).")
    ResponseEntity<CommandAccepted> recordCostCoverage(@Valid @RequestBody DelegationRequests.CostCoverage request,
                                                       @PathVariable DelegationId id, @PathVariable String itemId,
                                                       @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RecordCostCoverageCommand(id, itemId, request.payer(), request.basis(),
                request.amount(), request.currency(), expected.value()));
    }

    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a member or the contact of the delegation (personal data, stored encrypted)",
            description = "DESK. Name, title, e-mail and phone are sealed with the person's key before they are recorded (R9). Answers 201 with the member id and the person id; pass the person id again to link the same person elsewhere.")
    @Creates
    ResponseEntity<DelegationRequests.MemberAdded> addMember(@Valid @RequestBody DelegationRequests.Member request,
                                                            @PathVariable DelegationId id,
                                                            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        String memberId = "MEM-" + UUID.randomUUID();
        PersonId person = persons.newOrExisting("personId", request.personId());
        RecordedResource.at("/api/delegations/" + id + "/members/" + memberId);
        long version = commands.send(new AddMemberCommand(id, memberId, person, request.name(),
                request.title(), request.email(), request.phone(), request.organisation(),
                Boolean.TRUE.equals(request.contact()), expected.value()));
        return CommandAnswers.created("/api/delegations/" + id + "/members/" + memberId, version,
                new DelegationRequests.MemberAdded(memberId, person.value(), version));
    }

    @DeleteMapping("/members/{memberId}")
    @Operation(summary = "Remove a member",
            description = "DESK. The member leaves the delegation; the person's data stays erasable through /api/persons/{personId}/erasure.")
    ResponseEntity<CommandAccepted> removeMember(@PathVariable DelegationId id, @PathVariable String memberId,
                                                 @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RemoveMemberCommand(id, memberId, expected.value()));
    }

    @PostMapping("/confirmation")
    @Operation(summary = "Confirm the programme: R3 (cost coverage, 422 COST_COVERAGE_MISSING) and R6 (no double "
            + "booking, 409 DOUBLE_BOOKING) refusals are recorded as events",
            description = "DESK. Confirmation makes every programme item confirmed and claims its venue and host; a refusal is recorded as ConfirmationRefusedEvent naming the items.")
    ResponseEntity<CommandAccepted> confirm(@PathVariable DelegationId id,
                                            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ConfirmDelegationCommand(id, expected.value()));
    }

    @PostMapping(path = "/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The delegation calls off its visit",
            description = "DESK, with a reason. The delegation becomes CANCELLED; its programme items stay on the schedule as cancelled.")
    ResponseEntity<CommandAccepted> cancel(@Valid @RequestBody DelegationRequests.Reason request,
                                           @PathVariable DelegationId id,
                                           @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new CancelDelegationCommand(id, request.reason(), expected.value()));
    }

    @PutMapping(path = "/business-opportunity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "State the business opportunity learned after registration (R2)",
            description = "DESK, before the lead accepts (REQUESTED, SCREENED or ROUTED): replaces what the "
                    + "registration said, so that a non-political request registered without one can be routed. "
                    + "Records BusinessOpportunityStatedEvent; answers the new version in ETag. Later states answer "
                    + "409 INVALID_STATE.")
    ResponseEntity<CommandAccepted> stateBusinessOpportunity(
            @Valid @RequestBody DelegationRequests.BusinessOpportunity request, @PathVariable DelegationId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new StateBusinessOpportunityCommand(id, request.businessOpportunity(),
                expected.value()));
    }

    @PutMapping(path = "/request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the registered request, with the reason",
            description = "DESK, until the delegation is completed, cancelled, declined or withdrawn (409 "
                    + "DELEGATION_CLOSED). The body is the request as it should read: every field of the registration "
                    + "but the business opportunity (PUT /business-opportunity), the country and date received "
                    + "included. Once routed, the themes, delegation type and political level that decided the routing "
                    + "stay (409 ROUTING_DECIDED naming the field; themes grow by a scope expansion, R4). A screened "
                    + "delegation whose organisation, themes or date received change goes back to REQUESTED, to be "
                    + "screened again (R8). A date received after a programme item's day answers 400 "
                    + "ITEM_BEFORE_RECEIPT. Records RequestCorrectedEvent; a correction that changes nothing records "
                    + "nothing and answers the current version.")
    ResponseEntity<CommandAccepted> correctRequest(@Valid @RequestBody CorrectRequestRequest request,
                                                   @PathVariable DelegationId id,
                                                   @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, request.toCommand(id, expected.value()));
    }

    @PostMapping(path = "/programme-reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reopen a confirmed programme to change it, with the reason",
            description = "DESK, while the delegation is CONFIRMED (else 409 INVALID_STATE). The delegation goes back to "
                    + "PROGRAMME_PLANNED: the venues and hosts the confirmation booked (R6) are freed and its items are "
                    + "tentative again, so that they can be changed, added or removed; confirming again checks R3 and "
                    + "R6 again. Records ProgrammeReopenedEvent.")
    ResponseEntity<CommandAccepted> reopenProgramme(@Valid @RequestBody DelegationRequests.Reason request,
                                                    @PathVariable DelegationId id,
                                                    @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ReopenProgrammeCommand(id, request.reason(), expected.value()));
    }

    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The desk withdraws a delegation whose programme fell through, with its reason",
            description = "DESK, with a reason, at any state before completion (distinct from /cancellation, where the "
                    + "delegation itself calls off its visit). The delegation becomes WITHDRAWN: unanswered offers are "
                    + "withdrawn, the venues and hosts its confirmed programme booked (R6) are freed, its programme "
                    + "items stay on the schedule as cancelled, and the KPIs and the annual report count it as not "
                    + "realised. A completed, cancelled, declined or withdrawn delegation answers 409 DELEGATION_CLOSED.")
    ResponseEntity<CommandAccepted> withdraw(@Valid @RequestBody DelegationRequests.Reason request,
                                             @PathVariable DelegationId id,
                                             @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new WithdrawDelegationCommand(id, request.reason(), expected.value()));
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The desk declines the request, with its reason",
            description = "DESK. The delegation becomes DECLINED; its programme items stay on the schedule as cancelled.")
    ResponseEntity<CommandAccepted> decline(@Valid @RequestBody DelegationRequests.Reason request,
                                            @PathVariable DelegationId id,
                                            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new DeclineDelegationCommand(id, request.reason(), expected.value()));
    }

    @PostMapping(path = "/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete the visit with its outcome report (feeds KPIs)",
            description = "The desk or the lead operator, after confirmation: summary, investment leads, companies, MoUs and follow-ups handed to operators, and the figures the KPIs count (a figure left out is recorded as not reported and counts as 0). The delegation becomes COMPLETED. A supporting operator is 403 ONLY_THE_LEAD_COMPLETES (it reports its own outcome); an operator not on the delegation 404.")
    ResponseEntity<CommandAccepted> complete(@Valid @RequestBody DelegationRequests.Completion request,
                                             @PathVariable DelegationId id,
                                             @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        List<Outcome.FollowUp> followUps = request.followUps() == null ? List.of() : request.followUps().stream()
                .map(f -> new Outcome.FollowUp(new OperatorId(f.operatorId()), f.action())).toList();
        Outcome outcome = new Outcome(request.summary(), request.investmentLeads(), request.companies(), request.mous(),
                followUps, request.companiesEstablished(), request.jobsCreated(), request.tourists(),
                request.overnightStays());
        return commands.ok(id, new CompleteDelegationCommand(id, outcome, expected.value()));
    }

    @PutMapping(path = "/supporting-outcomes/{operatorId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A supporting operator reports its own outcome of the completed visit (feeds its KPIs)",
            description = "The supporting operator named in the path (or the desk for it), once the delegation is "
                    + "COMPLETED: its own investment leads, companies, MoUs and figures, which count in that "
                    + "operator's KPIs (the lead's figures are the completion's). Reported again, the new report "
                    + "replaces the earlier one. An operator that did not accept a supporting assignment answers 422 "
                    + "NOT_A_SUPPORTING_OPERATOR; before completion 409 NOT_COMPLETED; another operator's report 404.")
    ResponseEntity<CommandAccepted> reportSupportingOutcome(@Valid @RequestBody DelegationRequests.SupportingOutcome request,
                                                            @PathVariable DelegationId id,
                                                            @PathVariable OperatorId operatorId,
                                                            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        Outcome outcome = new Outcome(request.summary(), request.investmentLeads(), request.companies(),
                request.mous(), List.of(), request.companiesEstablished(), request.jobsCreated(), request.tourists(),
                request.overnightStays());
        return commands.ok(id, new ReportSupportingOutcomeCommand(id, operatorId, outcome, expected.value()));
    }


    private static PartnerId host(String id) {
        return id == null || id.isBlank() ? null : new PartnerId(id);
    }

    /** Read after validation, which has held it to {@link CopenhagenDateTime}. */
    static Instant instant(String field, String value) {
        return CopenhagenDateTime.Check.instant(field, value);
    }
}
