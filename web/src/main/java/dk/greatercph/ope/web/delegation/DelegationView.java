package dk.greatercph.ope.web.delegation;

import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.web.api.ViewData;
import dk.greatercph.ope.web.operator.OperatorChoices;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the delegation page and the programme editor show, read through the API as the signed-in user: the
 * delegation (read-your-writes with {@code minVersion}), its members, what happened and who did it, the schedule's
 * conflicts that touch its items, and which actions the page offers.
 */
@Component
class DelegationView {

    /** Refusals the delegation records as events: the page reads the view one version on to show them. */
    static final Set<String> RECORDED_REFUSALS = Set.of("NO_BUSINESS_FOCUS", "NO_OPERATOR_FOR_THEMES",
            "COST_COVERAGE_MISSING", "DOUBLE_BOOKING");

    private final Api api;
    private final java.time.Clock clock;
    private final OperatorChoices operators;

    DelegationView(Api api, java.time.Clock clock, OperatorChoices operators) {
        this.clock = clock;
        this.api = api;
        this.operators = operators;
    }

    /** One thing that happened: when, what (an event type), who did it and in which role. */
    record HistoryRow(String at, String what, String who, String role, String detail) {
    }

    /** Fills the model for delegation {@code id}; the page is refused with the API's status when it may not be read. */
    @SuppressWarnings("unchecked")
    void fill(Model model, String id, Long minVersion) {
        String path = "/api/delegations/" + id;
        ApiAnswer answer = api.get(path, minVersion == null ? Map.of() : Map.of("minVersion", minVersion));
        if (answer.status() == 409 && minVersion != null) {
            model.addAttribute("behind", true);
            answer = api.get(path);
            if (answer.status() == 404) {
                // not in the view yet while it is being rebuilt: "reload in a moment", not "no such delegation"
                throw new PageRefused(409);
            }
        }
        Map<String, Object> d = (Map<String, Object>) answer.orRefuse();
        String etag = answer.header("ETag");
        long version = etag == null ? ((Number) d.getOrDefault("version", 0L)).longValue()
                : Long.parseLong(etag.replace("\"", "").replace("W/", ""));
        String status = String.valueOf(d.get("status"));
        model.addAttribute("d", d);
        model.addAttribute("id", id);
        if (d.get("assignments") instanceof List<?> assignments) {
            for (Object assignment : assignments) {
                if (assignment instanceof Map<?, ?> a) {
                    operators.seen(String.valueOf(a.get("operatorId")), a.get("operatorName"));
                }
            }
        }
        model.addAttribute("version", version);
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new PageRefused(403));
        boolean lead = user.isOperator() && user.operatorId().equals(d.get("leadOperator"));
        Map<String, Boolean> offer = offers(id, status);
        if (offer.get(DelegationAction.COMPLETION.key())) {
            // the API completes a visit only by the desk or its lead, once its programme's last item has started:
            // offered to a supporting operator, or before that item, the form was refused after the outcome was typed
            OffsetDateTime lastBegins = lastBegins(d);
            boolean begun = lastBegins == null || !lastBegins.toInstant().isAfter(clock.instant());
            offer.put(DelegationAction.COMPLETION.key(), begun && (!user.isOperator() || lead));
            model.addAttribute("completionFrom", begun || (user.isOperator() && !lead) ? null : lastBegins);
        }
        if (user.isOperator() && !accepted(d, user.operatorId())) {
            // an operator plans once it has accepted: offered the programme form before, it typed an item and was
            // refused "accept first"
            for (DelegationAction planning : List.of(DelegationAction.ITEM_ADDITION, DelegationAction.ITEM_CHANGE,
                    DelegationAction.ITEM_REMOVAL, DelegationAction.COST_COVERAGE)) {
                offer.put(planning.key(), false);
            }
        }
        // a supporting operator reports its own outcome of the completed visit; the desk may for any of them
        List<String> reporters = acceptedSupporting(d).stream()
                .filter(operator -> !user.isOperator() || operator.equals(user.operatorId())).toList();
        offer.put(DelegationAction.SUPPORTING_OUTCOME.key(),
                offer.get(DelegationAction.SUPPORTING_OUTCOME.key()) && !reporters.isEmpty());
        model.addAttribute("reporters", reporters);
        model.addAttribute("reported", reported(d));
        model.addAttribute("offer", offer);
        model.addAttribute("actionsShown", actionsShown(offer, d, user));
        // a scope expansion asks for themes the delegation does not have: the others are refused (NOTHING_TO_EXPAND)
        List<?> has = d.get("themes") instanceof List<?> themes ? themes : List.of();
        model.addAttribute("newThemes", java.util.Arrays.stream(Theme.values())
                .map(Enum::name).filter(theme -> !has.contains(theme)).toList());
        model.addAttribute("errors", Map.of());
        model.addAttribute("boardAllowed", api.allows(HttpMethod.GET, "/api/delegations"));
        model.addAttribute("isLead", lead);
        model.addAttribute("supporting", supporting(d));

        if (api.allows(HttpMethod.GET, path + "/members")) {
            ApiAnswer members = api.get(path + "/members");
            model.addAttribute("members", members.ok() ? members.data() : null);
            model.addAttribute("mayReadPersons", api.allows(HttpMethod.GET, "/api/persons/any")
                    || api.allows(HttpMethod.POST, "/api/persons/any/erasure"));
        }
        model.addAttribute("earlier", earlier(answer.body()));
        model.addAttribute("history", history(id, answer.body()));
        model.addAttribute("conflicts", conflicts(id, answer.body()));
        model.addAttribute("doubleBooked", lastRefusedItems(answer.body(), "DOUBLE_BOOKING"));
        model.addAttribute("uncovered", lastRefusedItems(answer.body(), "COST_COVERAGE_MISSING"));
    }

    /**
     * The supporting operators still on the delegation: those routed as supporting, less any whose offer was declined
     * or withdrawn. The facts still named an operator that had declined.
     */
    @SuppressWarnings("unchecked")
    static List<String> supporting(Map<String, Object> d) {
        List<String> routed = d.get("supportingOperators") instanceof List<?> list ? (List<String>) list : List.of();
        java.util.Set<String> gone = new java.util.HashSet<>();
        java.util.Set<String> supporting = new java.util.LinkedHashSet<>(routed);
        if (d.get("assignments") instanceof List<?> assignments) {
            for (Object assignment : assignments) {
                if (assignment instanceof Map<?, ?> a && "SUPPORTING".equals(a.get("role"))) {
                    if ("DECLINED".equals(a.get("state")) || "WITHDRAWN".equals(a.get("state"))) {
                        gone.add(String.valueOf(a.get("operatorId")));
                    } else {
                        // offered by an approved scope expansion (R4): the routing's list does not name it
                        supporting.add(String.valueOf(a.get("operatorId")));
                    }
                }
            }
        }
        return supporting.stream().filter(operator -> !gone.contains(operator)).toList();
    }

    /** Each supporting operator's report as its form shows it again: reported again, it replaces the earlier one. */
    static Map<String, Map<String, String>> reported(Map<String, Object> d) {
        Map<String, Map<String, String>> reported = new LinkedHashMap<>();
        if (d.get("supportingOutcomes") instanceof List<?> outcomes) {
            for (Object outcome : outcomes) {
                if (outcome instanceof Map<?, ?> o) {
                    Map<String, String> form = new LinkedHashMap<>();
                    for (String field : List.of("summary", "investmentLeads", "companiesEstablished", "jobsCreated",
                            "tourists", "overnightStays")) {
                        form.put(field, o.get(field) == null ? null : String.valueOf(o.get(field)));
                    }
                    for (String list : List.of("companies", "mous")) {
                        form.put(list, o.get(list) instanceof List<?> lines
                                ? String.join("\n", lines.stream().map(String::valueOf).toList()) : null);
                    }
                    reported.put(String.valueOf(o.get("operatorId")), form);
                }
            }
        }
        return reported;
    }

    /** The operators whose supporting assignment is accepted: they report their own outcome of the visit. */
    static List<String> acceptedSupporting(Map<String, Object> d) {
        List<String> accepted = new ArrayList<>();
        if (d.get("assignments") instanceof List<?> assignments) {
            for (Object assignment : assignments) {
                if (assignment instanceof Map<?, ?> a && "SUPPORTING".equals(a.get("role"))
                        && "ACCEPTED".equals(a.get("state")) && !String.valueOf(a.get("operatorId"))
                        .equals(d.get("leadOperator"))) {
                    accepted.add(String.valueOf(a.get("operatorId")));
                }
            }
        }
        return accepted;
    }

    /** An earlier request this one repeats (R8): its organisation and when it was received, null where not readable. */
    record Earlier(String id, String organisation, String dateReceived) {
    }

    /**
     * The earlier requests this one repeats, each by its organisation and date received where the user may read it:
     * the page listed bare ids (DEL-01a24fa0-…), which say nothing to the desk. One read each; there are few.
     */
    private List<Earlier> earlier(JsonNode d) {
        List<Earlier> earlier = new java.util.ArrayList<>();
        d.path("earlierRequests").forEach(node -> {
            String other = node.asString();
            ApiAnswer read = api.get("/api/delegations/" + other);
            earlier.add(read.ok() ? new Earlier(other, read.body().path("requestingOrganisation").asString(null),
                    read.body().path("dateReceived").asString(null)) : new Earlier(other, null, null));
        });
        return earlier;
    }

    /** When the visit's programme begins: its earliest item's start; null without items. */
    private static boolean accepted(Map<String, Object> d, String operator) {
        return d.get("assignments") instanceof List<?> assignments && assignments.stream()
                .anyMatch(a -> a instanceof Map<?, ?> shown && operator.equals(shown.get("operatorId"))
                        && "ACCEPTED".equals(shown.get("state")));
    }

    private static OffsetDateTime lastBegins(Map<String, Object> d) {
        OffsetDateTime last = null;
        if (d.get("programme") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> shown && shown.get("startsAt") != null) {
                    OffsetDateTime starts = OffsetDateTime.parse(shown.get("startsAt").toString());
                    last = last == null || starts.isAfter(last) ? starts : last;
                }
            }
        }
        return last;
    }

    /** Action key → whether the page offers it: the delegation's status allows it and the API lets the user call it. */
    Map<String, Boolean> offers(String id, String status) {
        Map<String, Boolean> offers = new LinkedHashMap<>();
        String operator = CurrentUser.current().map(CurrentUser::operatorId).orElse("any");
        for (DelegationAction action : DelegationAction.values()) {
            String sub = action == DelegationAction.ACCEPTANCE || action == DelegationAction.ASSIGNMENT_DECLINE
                    || action == DelegationAction.SUPPORTING_OUTCOME ? operator : "any";
            offers.put(action.key(), action.allowedIn(status) && api.allows(action.method(), action.apiPath(id, sub)));
        }
        return offers;
    }

    /**
     * What happened and who did it: the aggregate's timeline where the user may read it (desk, auditors), otherwise
     * the outline of every event, by role, from {@code /api/delegations/{id}/history}, with the refusals' codes from
     * the delegation view. An event about another operator than the one that did it names that operator.
     */
    private List<HistoryRow> history(String id, JsonNode d) {
        String timeline = "/api/audit/Delegation/" + id + "/timeline";
        List<HistoryRow> rows = new ArrayList<>();
        if (api.allows(HttpMethod.GET, timeline)) {
            ApiAnswer answer = api.get(timeline);
            if (answer.ok()) {
                for (JsonNode event : answer.body().path("events")) {
                    JsonNode meta = event.path("metaData");
                    JsonNode payload = event.path("payload");
                    String code = payload.path("code").asString("");
                    rows.add(new HistoryRow(event.path("timestamp").asString(""), event.path("eventType").asString(""),
                            meta.path("actor").asString(""), meta.path("actorRole").asString(""),
                            code.isEmpty() ? concerned(operatorOf(payload), meta.path("actorOperatorId").asString("")) : code));
                }
                return rows;
            }
        }
        // the refusals' codes, which the outline leaves out, from the view, each kind in the order it happened
        Map<String, java.util.Deque<String>> codes = new HashMap<>();
        List<JsonNode> refusals = new ArrayList<>();
        d.path("refusals").forEach(refusals::add);
        refusals.sort(Comparator.comparing(refusal -> moment(refusal.path("refusedAt").asString(""))));
        for (JsonNode refusal : refusals) {
            codes.computeIfAbsent("ROUTING".equals(refusal.path("kind").asString("")) ? "RoutingRefusedEvent"
                    : "ConfirmationRefusedEvent", kind -> new java.util.ArrayDeque<>()).add(refusal.path("code").asString(""));
        }
        // everything that happened, by role, from the delegation's history: the page stopped at the acceptances,
        // told a withdrawn offer as an accepted one, and a refusal without who was refused
        ApiAnswer history = api.get("/api/delegations/" + id + "/history");
        if (history.ok()) {
            for (JsonNode event : history.body().path("events")) {
                String type = event.path("eventType").asString("");
                String operator = event.path("actorOperator").asString("");
                java.util.Deque<String> code = codes.get(type);
                rows.add(new HistoryRow(event.path("at").asString(""), type,
                        operator.isEmpty() ? "" : operators.named(operator), event.path("actorRole").asString(""),
                        code != null && !code.isEmpty() ? code.poll()
                                : concerned(event.path("operatorId").asString(""), operator)));
            }
        } else {
            for (JsonNode refusal : refusals) {
                rows.add(new HistoryRow(refusal.path("refusedAt").asString(""), "ROUTING".equals(refusal.path("kind")
                        .asString("")) ? "RoutingRefusedEvent" : "ConfirmationRefusedEvent", "", "",
                        refusal.path("code").asString("")));
            }
        }
        // by the moment, not the text: the view writes some times in UTC and others with Copenhagen's offset
        rows.sort(Comparator.comparing(row -> moment(row.at())));
        return rows;
    }

    /** The operator an event concerns, named, where it is not the one that did it ("offer withdrawn (woco)"). */
    private String concerned(String operator, String actorOperator) {
        return operator.isEmpty() || operator.equals(actorOperator) ? "" : operators.named(operator);
    }

    private static String operatorOf(JsonNode payload) {
        JsonNode operator = payload.path("operatorId");
        return (operator.isObject() ? operator.path("value") : operator).asString("");
    }

    private static java.time.Instant moment(String at) {
        try {
            return java.time.OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.MAX;
        }
    }

    /** Programme item id → the items elsewhere that book the same venue or host at an overlapping time (R6). */
    private Map<String, List<Map<String, Object>>> conflicts(String id, JsonNode d) {
        Map<String, List<Map<String, Object>>> conflicts = new LinkedHashMap<>();
        LocalDate from = null;
        LocalDate to = null;
        for (JsonNode item : d.path("programme")) {
            LocalDate start = LocalDate.parse(item.path("startsAt").asString().substring(0, 10));
            LocalDate end = LocalDate.parse(item.path("endsAt").asString().substring(0, 10));
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || end.isAfter(to) ? end : to;
        }
        if (from == null || !api.allows(HttpMethod.GET, "/api/schedule/conflicts")) {
            return conflicts;
        }
        ApiAnswer answer = api.get("/api/schedule/conflicts",
                Map.of("from", from.minusDays(1).toString(), "to", to.plusDays(1).toString()));
        if (!answer.ok()) {
            return conflicts;
        }
        for (JsonNode pair : answer.body()) {
            note(conflicts, id, pair, pair.path("first"), pair.path("second"));
            note(conflicts, id, pair, pair.path("second"), pair.path("first"));
        }
        return conflicts;
    }

    @SuppressWarnings("unchecked")
    private static void note(Map<String, List<Map<String, Object>>> conflicts, String id, JsonNode pair, JsonNode mine,
                             JsonNode other) {
        if (id.equals(mine.path("delegationId").asString(""))) {
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) ViewData.of(other));
            entry.put("resource", pair.path("resource").asString(""));
            entry.put("booked", pair.path("booked").path("name").asString(pair.path("booked").path("id").asString("")));
            if ("BOOKED".equals(other.path("type").asString(""))) {
                // another operator's item, anonymous: its title is the API's placeholder "Booked", in English
                entry.put("title", null);
            }
            conflicts.computeIfAbsent(mine.path("id").asString(""), k -> new ArrayList<>()).add(entry);
        }
    }

    /** The items named by the latest refusal of this code, if the latest confirmation refusal is one. */
    private static Set<String> lastRefusedItems(JsonNode d, String code) {
        JsonNode last = null;
        for (JsonNode refusal : d.path("refusals")) {
            if ("CONFIRMATION".equals(refusal.path("kind").asString(""))) {
                last = refusal;
            }
        }
        Set<String> items = new LinkedHashSet<>();
        if (last != null && code.equals(last.path("code").asString("")) && !"CONFIRMED".equals(d.path("status").asString(""))) {
            last.path("itemIds").forEach(item -> items.add(item.asString()));
        }
        return items;
    }

    /** The registered venues and partners, for the programme editor's pickers (empty when the API refuses them). */
    void pickers(Model model) {
        ApiAnswer venues = api.get("/api/venues");
        ApiAnswer partners = api.get("/api/partners");
        model.addAttribute("venues", venues.ok() ? venues.data() : List.of());
        model.addAttribute("partners", partners.ok() ? partners.data() : List.of());
    }

    /**
     * Whether the actions section shows any form: an answer needs an open offer the user may answer, a scope
     * decision an open request. An operator with nothing to do saw the heading alone, where others read that no
     * action is open to them.
     */
    private static boolean actionsShown(Map<String, Boolean> offer, Map<?, ?> d, CurrentUser user) {
        boolean answerable = d.get("assignments") instanceof List<?> assignments && assignments.stream()
                .anyMatch(a -> a instanceof Map<?, ?> m && ("OFFERED".equals(m.get("state"))
                        || "ESCALATED".equals(m.get("state")))
                        && (!user.isOperator() || user.operatorId().equals(m.get("operatorId"))));
        boolean scopeOpen = d.get("scopeRequests") instanceof List<?> requests && requests.stream()
                .anyMatch(r -> r instanceof Map<?, ?> m && "REQUESTED".equals(m.get("state")));
        return java.util.Arrays.stream(DelegationAction.values())
                .filter(action -> action.page() == DelegationAction.Page.DELEGATION
                        && action != DelegationAction.MEMBER_REMOVAL && offer.getOrDefault(action.key(), false))
                .anyMatch(action -> switch (action) {
                    case ACCEPTANCE, ASSIGNMENT_DECLINE -> answerable;
                    case SCOPE_APPROVAL, SCOPE_REJECTION -> scopeOpen;
                    default -> true;
                });
    }
}
