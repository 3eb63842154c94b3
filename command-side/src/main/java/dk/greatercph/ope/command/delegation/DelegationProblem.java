package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of a delegation request, from registration to completion (rules R1 to R6 and R8). */
public enum DelegationProblem implements ProblemCode {
    THEMES_REQUIRED(ProblemKind.INVALID_INPUT,
            "A delegation request names at least one theme."),
    INVALID_DATE_WINDOW(ProblemKind.INVALID_INPUT,
            "The wished date window ends before it starts, or before the request was received."),
    INVALID_HEAD_COUNT(ProblemKind.INVALID_INPUT,
            "A delegation has at least one member."),
    DATE_RECEIVED_REQUIRED(ProblemKind.INVALID_INPUT,
            "A request is registered with the date the desk received it."),
    DATE_RECEIVED_IN_FUTURE(ProblemKind.INVALID_INPUT,
            "The date a request was received lies after today (Europe/Copenhagen)."),
    INVALID_STATE(ProblemKind.CONFLICT,
            "The delegation's status does not allow this step now."),
    NO_BUSINESS_FOCUS(ProblemKind.RULE_VIOLATION,
            "A non-political delegation is routed only with a stated business opportunity (R2); recorded as a refusal."),
    NO_OPERATOR_FOR_THEMES(ProblemKind.RULE_VIOLATION,
            "No operator takes any of the delegation's themes; the desk can route with an override; recorded as a refusal."),
    OVERRIDE_REASON_REQUIRED(ProblemKind.INVALID_INPUT,
            "Overriding the routing rules needs a reason."),
    OVERRIDE_LEAD_REQUIRED(ProblemKind.INVALID_INPUT,
            "A routing override names its lead: supporting operators or a reason alone would be ignored."),
    OVERRIDE_LEAD_SUPPORTING(ProblemKind.INVALID_INPUT,
            "A routing override's lead is not also one of its supporting operators."),
    UNKNOWN_OPERATOR(ProblemKind.RULE_VIOLATION,
            "A routing override names an operator the routing table does not know."),
    ASSIGNMENT_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The operator has no assignment on this delegation."),
    ASSIGNMENT_ANSWERED(ProblemKind.CONFLICT,
            "The assignment was already accepted, declined or withdrawn."),
    ASSIGNMENT_NOT_ACCEPTED(ProblemKind.CONFLICT,
            "An operator plans programme items only once it has accepted its assignment."),
    REASON_REQUIRED(ProblemKind.INVALID_INPUT,
            "A decline, rejection, cancellation, withdrawal or scope expansion states its reason."),
    BUSINESS_OPPORTUNITY_REQUIRED(ProblemKind.INVALID_INPUT,
            "A stated business opportunity has words (R2)."),
    NOT_ROUTED(ProblemKind.CONFLICT,
            "Scope expansion comes after routing; before it the themes belong to the request itself (R4)."),
    NOTHING_TO_EXPAND(ProblemKind.INVALID_INPUT,
            "The delegation already covers a requested theme (or none is asked for); a scope expansion asks for new themes only."),
    SCOPE_REQUEST_PENDING(ProblemKind.CONFLICT,
            "An open scope expansion request already asks for one of these themes; the desk decides it first."),
    SCOPE_REQUEST_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No scope expansion request with this id on the delegation."),
    SCOPE_REQUEST_CLOSED(ProblemKind.CONFLICT,
            "The scope expansion request was already approved or rejected."),
    TITLE_REQUIRED(ProblemKind.INVALID_INPUT,
            "A programme item has a title."),
    ITEM_BEFORE_RECEIPT(ProblemKind.INVALID_INPUT,
            "A programme item starts on or after the day the request was received."),
    INVALID_TIME_SLOT(ProblemKind.INVALID_INPUT,
            "A programme item ends after it starts, and lasts at most 31 days."),
    UNKNOWN_VENUE(ProblemKind.RULE_VIOLATION,
            "The programme item names no registered venue."),
    UNKNOWN_HOST(ProblemKind.RULE_VIOLATION,
            "The programme item names no registered partner as host."),
    ITEM_EXISTS(ProblemKind.CONFLICT,
            "A programme item with this id exists already."),
    ITEM_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No programme item with this id on the delegation."),
    ONLY_THE_LEAD_COMPLETES(ProblemKind.FORBIDDEN,
            "The desk or the lead operator completes a visit; a supporting operator reports its own outcome."),
    ITEM_OF_ANOTHER_OPERATOR(ProblemKind.FORBIDDEN,
            "Only the operator that added a programme item, the lead or the desk may change it."),
    PAYER_REQUIRED(ProblemKind.INVALID_INPUT,
            "Cost coverage names who pays."),
    BASIS_REQUIRED(ProblemKind.INVALID_INPUT,
            "Cost coverage states its basis (agreement, invoice, ...)."),
    INVALID_CURRENCY(ProblemKind.INVALID_INPUT,
            "A cost coverage's currency is not an ISO 4217 code."),
    INVALID_AMOUNT(ProblemKind.INVALID_INPUT,
            "Cost coverage has an amount above zero."),
    EMPTY_PROGRAMME(ProblemKind.RULE_VIOLATION,
            "A programme without items cannot be confirmed."),
    COST_COVERAGE_MISSING(ProblemKind.RULE_VIOLATION,
            "Items hosted by a hospital or held at a hospital venue need a cost-coverage agreement before confirmation (R3); recorded as a refusal."),
    DOUBLE_BOOKING(ProblemKind.CONFLICT,
            "A venue or host is already booked by a confirmed programme at that time (R6); recorded as a refusal."),
    DELEGATION_CLOSED(ProblemKind.CONFLICT,
            "The delegation is already completed, cancelled, declined or withdrawn; it can no longer be changed, withdrawn or expanded."),
    NAME_REQUIRED(ProblemKind.INVALID_INPUT,
            "A delegation member has a name."),
    MEMBER_EXISTS(ProblemKind.CONFLICT,
            "That member is already on the delegation."),
    MEMBER_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No member with this id on the delegation."),
    INVALID_OUTCOME(ProblemKind.INVALID_INPUT,
            "A completion reports the visit's outcome."),
    VISIT_NOT_BEGUN(ProblemKind.CONFLICT,
            "The visit has not taken place: a delegation is completed once its programme's last item has started."),
    NOT_A_SUPPORTING_OPERATOR(ProblemKind.RULE_VIOLATION,
            "Only an operator that accepted a supporting assignment reports a supporting outcome; the lead reports at completion."),
    NOT_COMPLETED(ProblemKind.CONFLICT,
            "A supporting operator reports its outcome once the visit is completed."),
    ROUTING_DECIDED(ProblemKind.CONFLICT,
            "The delegation is routed: the themes, kind and political level that decided it are no longer corrected.");

    private final ProblemKind kind;
    private final String meaning;

    DelegationProblem(ProblemKind kind, String meaning) {
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
