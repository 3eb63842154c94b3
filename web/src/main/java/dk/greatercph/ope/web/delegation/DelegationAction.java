package dk.greatercph.ope.web.delegation;

import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.request.FormJson;
import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A lifecycle action the delegation page offers: the API call it makes, the statuses of the delegation in which the
 * API takes it, and how its form becomes the API's JSON. The page offers an action exactly when the delegation's
 * status allows it and the API lets the user make the call ({@code Api.allows}).
 */
enum DelegationAction {

    SCREENING("screening", HttpMethod.POST, "/screening", Page.DELEGATION, Statuses.REQUESTED,
            form -> form.string("businessOpportunityAssessment").body()),
    BUSINESS_OPPORTUNITY("business-opportunity", HttpMethod.PUT, "/business-opportunity", Page.DELEGATION,
            Statuses.DECLINABLE, form -> form.string("businessOpportunity").body()),
    REQUEST_CORRECTION("request-correction", HttpMethod.PUT, "/request", Page.DELEGATION, Statuses.OPEN,
            form -> form.string("channel").string("requestingOrganisation").string("originProvince")
                    .string("originCity").string("delegationType").string("politicalLevel").integer("headCount")
                    .string("wishedFrom").string("wishedTo").list("themes").string("purpose")
                    .put("country", upper(form.text("country"))).string("dateReceived").string("reason").body()),
    ROUTING("routing", HttpMethod.POST, "/routing", Page.DELEGATION, Statuses.ROUTABLE, DelegationAction::routing),
    DECLINE("decline", HttpMethod.POST, "/decline", Page.DELEGATION, Statuses.DECLINABLE, DelegationAction::reason),
    WITHDRAWAL("withdrawal", HttpMethod.POST, "/withdrawal", Page.DELEGATION, Statuses.OPEN, DelegationAction::reason),
    CANCELLATION("cancellation", HttpMethod.POST, "/cancellation", Page.DELEGATION, Statuses.OPEN,
            DelegationAction::reason),
    CONFIRMATION("confirmation", HttpMethod.POST, "/confirmation", Page.DELEGATION, Statuses.PLANNED, form -> null),
    PROGRAMME_REOPENING("programme-reopening", HttpMethod.POST, "/programme-reopening", Page.DELEGATION,
            Statuses.CONFIRMED, DelegationAction::reason),
    COMPLETION("completion", HttpMethod.POST, "/completion", Page.DELEGATION, Statuses.CONFIRMED,
            DelegationAction::outcome),
    SUPPORTING_OUTCOME("supporting-outcome", HttpMethod.PUT, "/supporting-outcomes/{sub}", Page.DELEGATION,
            Statuses.COMPLETED, DelegationAction::outcome),
    SCOPE_EXPANSION("scope-expansion", HttpMethod.POST, "/scope-expansions", Page.DELEGATION, Statuses.ROUTED,
            form -> form.list("themes").string("reason").body()),
    SCOPE_APPROVAL("scope-approval", HttpMethod.POST, "/scope-expansions/{sub}/approval", Page.DELEGATION,
            Statuses.OPEN, form -> null),
    SCOPE_REJECTION("scope-rejection", HttpMethod.POST, "/scope-expansions/{sub}/rejection", Page.DELEGATION,
            Statuses.OPEN, DelegationAction::reason),
    MEMBER_ADDITION("member-addition", HttpMethod.POST, "/members", Page.DELEGATION, Statuses.OPEN,
            form -> form.string("name").string("title").string("email").string("phone").string("organisation")
                    .put("contact", form.text("contact") != null ? Boolean.TRUE : null).body()),
    MEMBER_REMOVAL("member-removal", HttpMethod.DELETE, "/members/{sub}", Page.DELEGATION, Statuses.OPEN,
            form -> null),
    ACCEPTANCE("acceptance", HttpMethod.POST, "/assignments/{sub}/acceptance", Page.DELEGATION, Statuses.OPEN,
            form -> null),
    ASSIGNMENT_DECLINE("assignment-decline", HttpMethod.POST, "/assignments/{sub}/decline", Page.DELEGATION,
            Statuses.OPEN, DelegationAction::reason),
    ITEM_ADDITION("item-addition", HttpMethod.POST, "/programme-items", Page.PROGRAMME, Statuses.PLANNING,
            DelegationAction::item),
    ITEM_CHANGE("item-change", HttpMethod.PUT, "/programme-items/{sub}", Page.PROGRAMME, Statuses.PLANNING,
            DelegationAction::item),
    ITEM_REMOVAL("item-removal", HttpMethod.DELETE, "/programme-items/{sub}", Page.PROGRAMME, Statuses.PLANNING,
            form -> null),
    COST_COVERAGE("cost-coverage", HttpMethod.POST, "/programme-items/{sub}/cost-coverage", Page.PROGRAMME,
            Statuses.PLANNING, form -> form.string("payer").string("basis").decimal("amount")
                    .put("currency", upper(form.text("currency"))).body());

    /** Which page shows the action's form, and so its refusal. */
    enum Page { DELEGATION, PROGRAMME }

    private final String key;
    private final HttpMethod method;
    private final String path;
    private final Page page;
    private final Set<String> statuses;
    private final Function<FormJson, Object> body;

    DelegationAction(String key, HttpMethod method, String path, Page page, Set<String> statuses,
                     Function<FormJson, Object> body) {
        this.key = key;
        this.method = method;
        this.path = path;
        this.page = page;
        this.statuses = statuses;
        this.body = body;
    }

    String key() {
        return key;
    }

    HttpMethod method() {
        return method;
    }

    Page page() {
        return page;
    }

    boolean needsSub() {
        return path.contains("{sub}");
    }

    /** The API path of this action on delegation {@code id}, for the part {@code sub} (an item, member, …). */
    String apiPath(String id, String sub) {
        return "/api/delegations/" + id + path.replace("{sub}", sub == null ? "" : sub);
    }

    boolean allowedIn(String status) {
        return statuses.contains(status);
    }

    Object body(FormJson form) {
        return body.apply(form);
    }

    static DelegationAction byKey(String key) {
        for (DelegationAction action : values()) {
            if (action.key.equals(key)) {
                return action;
            }
        }
        return null;
    }

    private static Object reason(FormJson form) {
        return form.string("reason").body();
    }

    /**
     * The override chosen without a lead: the API takes a body without a lead as "route by the table", so the form
     * was carried out as that, saying only that the delegation was routed.
     */
    static boolean overridesWithoutLead(FormJson form) {
        return "override".equals(form.text("mode")) && FormJson.operatorCode(form.text("overrideLead")) == null;
    }

    /**
     * The page's own refusal of an override without a lead (see {@link #overridesWithoutLead}); null for any other
     * form. Without a reason too, both fields are named: the reason was named only once a lead had been chosen.
     */
    static ApiAnswer overrideRefusal(FormJson form) {
        if (!overridesWithoutLead(form)) {
            return null;
        }
        String reason = form.text("reason");
        if (reason == null || reason.isBlank()) {
            Map<String, String> missing = new LinkedHashMap<>();
            missing.put("overrideLead", "is required");
            missing.put("reason", "is required");
            return ApiAnswer.refusal("VALIDATION_FAILED", "An override names its lead and its reason.", missing);
        }
        return ApiAnswer.refusal("OVERRIDE_LEAD_REQUIRED", "overrideLead", "An override names its lead.");
    }

    /** By the routing table (an empty body), or the desk's override of lead and supporting operators with a reason. */
    private static Object routing(FormJson form) {
        if (!"override".equals(form.text("mode"))) {
            return java.util.Map.of();
        }
        // operators' codes as the API writes them, lower case (typed "CHC" was refused in vague words)
        List<String> supporting = form.values("overrideSupporting").stream()
                .flatMap(line -> Arrays.stream(line.split("[,;\\s]+"))).filter(id -> !id.isBlank())
                .map(FormJson::operatorCode).toList();
        return form.put("overrideLead", FormJson.operatorCode(form.text("overrideLead")))
                .put("overrideSupporting", supporting.isEmpty() ? null : supporting).string("reason").body();
    }

    /** A completion's outcome, and a supporting operator's own: the same fields (follow-ups are the API's). */
    private static Object outcome(FormJson form) {
        return form.string("summary").integer("investmentLeads").list("companies").list("mous")
                .integer("companiesEstablished").integer("jobsCreated").integer("tourists")
                .integer("overnightStays").body();
    }

    private static Object item(FormJson form) {
        return form.string("kind").string("title").string("startsAt").string("endsAt").string("venueId")
                .string("hostId").body();
    }

    private static String upper(String text) {
        return text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The delegation's statuses (as its view shows them) in which the API takes each action. */
    static final class Statuses {
        static final Set<String> REQUESTED = Set.of("REQUESTED");
        static final Set<String> ROUTABLE = Set.of("SCREENED", "ROUTED");
        static final Set<String> DECLINABLE = Set.of("REQUESTED", "SCREENED", "ROUTED");
        static final Set<String> OPEN = Set.of("REQUESTED", "SCREENED", "ROUTED", "ACCEPTED", "PROGRAMME_PLANNED",
                "CONFIRMED");
        static final Set<String> ROUTED = Set.of("ROUTED", "ACCEPTED", "PROGRAMME_PLANNED", "CONFIRMED");
        static final Set<String> PLANNING = Set.of("ACCEPTED", "PROGRAMME_PLANNED");
        static final Set<String> PLANNED = Set.of("PROGRAMME_PLANNED");
        static final Set<String> CONFIRMED = Set.of("CONFIRMED");
        static final Set<String> COMPLETED = Set.of("COMPLETED");
        static final Set<String> ANY = Set.of("REQUESTED", "SCREENED", "ROUTED", "ACCEPTED", "PROGRAMME_PLANNED",
                "CONFIRMED", "COMPLETED", "DECLINED", "CANCELLED", "WITHDRAWN");

        private Statuses() {
        }
    }

    static Set<DelegationAction> all() {
        return EnumSet.allOf(DelegationAction.class);
    }
}
