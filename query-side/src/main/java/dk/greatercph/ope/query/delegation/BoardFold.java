package dk.greatercph.ope.query.delegation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board's changes of delegations registered in a batch, folded in memory into the rows
 * {@code delegation_board_apply} would leave for them, so that PostgreSQL inserts each delegation's rows once instead
 * of taking its changes one by one ({@code delegation_board_insert_new}, migration V230).
 * <p>
 * Why here: a replay registers nearly every delegation in the batch that holds its other changes, and the function's
 * loop over each change was most of PostgreSQL's time in the board's replay (docs/performance.md).
 * <p>
 * The rules are the function's for a delegation that is not on the board when the call begins (V210's "not stored"
 * branches): a change before the registration, or one whose version is not above the row's, changes nothing; the
 * assignments, programme items, scope requests and refusals are new rows. Which delegations were on the board after
 * all is known only to PostgreSQL: V230 leaves those out and names them, and their changes go to the function as
 * before. {@code DelegationBoardProjectionTest} holds the two equal, row for row.
 * <p>
 * A delegation whose changes hold anything the rules here do not cover exactly (an unknown change, a missing
 * operator, item or request, a list that is not a plain array literal, a flag that is not a JSON boolean) is not
 * folded: its changes go to the function, which decides as it always did.
 */
final class BoardFold {

    /** The tables the rows go to, in the order {@link #rowsByTable} gives them. */
    static final List<String> TABLES = List.of("delegation_board", "delegation_assignment",
            "delegation_programme_item", "delegation_scope_request", "delegation_refusal");

    private final JsonMapper json;
    private final List<String> ids = new ArrayList<>();
    private final ArrayNode boards;
    private final ArrayNode assignments;
    private final ArrayNode items;
    private final ArrayNode scopeRequests;
    private final ArrayNode refusals;

    BoardFold(JsonMapper json) {
        this.json = json;
        boards = json.createArrayNode();
        assignments = json.createArrayNode();
        items = json.createArrayNode();
        scopeRequests = json.createArrayNode();
        refusals = json.createArrayNode();
    }

    /**
     * Folds one delegation's changes, in their order, if they begin with its registration and hold nothing the rules
     * here leave to the function.
     *
     * @return whether they were folded; if not, nothing of them is kept
     */
    boolean add(String id, List<ObjectNode> changes) {
        Delegation delegation = new Delegation(id);
        try {
            if (!"registered".equals(text(changes.get(0), "event"))) {
                return false;
            }
            for (ObjectNode change : changes) {
                delegation.apply(change);
            }
        } catch (Unfoldable e) {
            return false;
        }
        ids.add(id);
        boards.add(delegation.boardRow());
        delegation.offers.values().forEach(assignments::add);
        delegation.items.values().forEach(items::add);
        delegation.scopeRequests.values().forEach(scopeRequests::add);
        delegation.refusals.values().forEach(refusals::add);
        return true;
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The delegations folded, in the order added. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /**
     * The rows, one array per table, keyed by the tables' column names as V230 reads them; a table without rows is
     * left out, so that PostgreSQL skips its insert.
     */
    ObjectNode rows() {
        ObjectNode rows = json.createObjectNode();
        rows.set("boards", boards);
        for (Map.Entry<String, ArrayNode> table : Map.of("assignments", assignments, "items", items,
                "scopeRequests", scopeRequests, "refusals", refusals).entrySet()) {
            if (!table.getValue().isEmpty()) {
                rows.set(table.getKey(), table.getValue());
            }
        }
        return rows;
    }

    /**
     * The rows by the table they go to, without those of the delegations named in {@code leftOut}, a table without
     * rows left out; in each board row the operators who see the delegation sorted by {@code operatorOrder}, as V230
     * sorts them by the database's collation.
     */
    Map<String, List<ObjectNode>> rowsByTable(Set<String> leftOut, Comparator<String> operatorOrder) {
        Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        List<ArrayNode> all = List.of(boards, assignments, items, scopeRequests, refusals);
        for (int table = 0; table < TABLES.size(); table++) {
            List<ObjectNode> rows = new ArrayList<>(all.get(table).size());
            for (JsonNode row : all.get(table)) {
                if (!leftOut.contains(row.get("delegation_id").asString())) {
                    rows.add((ObjectNode) row);
                }
            }
            if (!rows.isEmpty()) {
                tables.put(TABLES.get(table), rows);
            }
        }
        for (ObjectNode board : tables.getOrDefault("delegation_board", List.of())) {
            List<String> operators = new ArrayList<>();
            board.get("operators").forEach(operator -> operators.add(operator.asString()));
            operators.sort(operatorOrder);
            board.set("operators", array(operators));
        }
        return tables;
    }

    /** One delegation's rows as the changes so far leave them. */
    private final class Delegation {

        private final String id;
        private ObjectNode row;
        private long version;
        private String status;
        private List<String> themes = List.of();
        /** Who sees it; PostgreSQL orders them as {@code delegation_board_seen_by} keeps them. */
        private final Set<String> operators = new LinkedHashSet<>();
        private final Map<String, ObjectNode> offers = new LinkedHashMap<>();
        private final Map<String, ObjectNode> items = new LinkedHashMap<>();
        private final Map<String, ObjectNode> scopeRequests = new LinkedHashMap<>();
        private final Map<Long, ObjectNode> refusals = new LinkedHashMap<>();

        Delegation(String id) {
            this.id = id;
        }

        void apply(ObjectNode c) {
            String event = required(c, "event");
            long changeVersion = number(c, "version");
            if ("registered".equals(event)) {
                if (row == null) {
                    register(c, changeVersion);
                }
                return;
            }
            // every other change moves a row that is behind it, or changes nothing
            if (row == null || version >= changeVersion) {
                return;
            }
            version = changeVersion;
            row.set("version", c.get("version"));
            row.set("updated_at", value(c, "at"));
            switch (event) {
                case "corrected" -> {
                    themes = texts(c, "themes");
                    request(c);
                    if (c.path("reset").asBoolean(false)) {
                        status = "REQUESTED";
                        row.put("repeat_request", false);
                        row.set("earlier_requests", json.createArrayNode());
                        row.putNull("business_opportunity_assessment");
                    }
                }
                case "screened" -> {
                    status = "SCREENED";
                    row.set("repeat_request", value(c, "repeat"));
                    row.set("earlier_requests", array(texts(c, "earlier")));
                    row.set("business_opportunity_assessment", value(c, "assessment"));
                }
                case "routed" -> {
                    status = "ROUTED";
                    row.set("lead_operator", value(c, "lead"));
                    row.set("supporting_operators", array(texts(c, "supporting")));
                    row.set("routing_version", value(c, "routing"));
                    row.set("routing_override", value(c, "override"));
                    row.set("routing_reason", value(c, "reason"));
                }
                case "refused" -> refusals.computeIfAbsent(changeVersion, key -> json.createObjectNode()
                        .put("delegation_id", id)
                        .set("version", c.get("version"))
                        .set("kind", value(c, "kind"))
                        .set("code", value(c, "code"))
                        .set("reason", value(c, "reason"))
                        .set("item_ids", array(texts(c, "items")))
                        .set("refused_at", value(c, "at")));
                case "offered" -> {
                    String operator = required(c, "operator");
                    offers.put(operator, json.createObjectNode()
                            .put("delegation_id", id)
                            .put("operator_id", operator)
                            .set("role", value(c, "role"))
                            .put("state", "OFFERED")
                            .set("offered_at", value(c, "at"))
                            .set("due_at", value(c, "due"))
                            .putNull("answered_at")
                            .putNull("reason")
                            .put("returned_to_desk", false)
                            .set("position", value(c, "position"))
                            .putNull("escalated_at"));
                    operators.add(operator);
                }
                case "accepted", "declined", "escalated", "assignment-withdrawn" -> answer(event, c);
                case "scope-requested" -> {
                    String request = required(c, "request");
                    ObjectNode scope = scopeRequests.computeIfAbsent(request, key -> json.createObjectNode()
                            .put("delegation_id", id).put("request_id", request));
                    scope.set("themes", array(texts(c, "themes")));
                    scope.set("reason", value(c, "reason"));
                    scope.put("state", "REQUESTED");
                    scope.putNull("decision_reason");
                }
                case "scope-approved" -> {
                    Set<String> union = new LinkedHashSet<>(themes);
                    union.addAll(texts(c, "themes"));
                    themes = new ArrayList<>(union);
                    ObjectNode scope = scopeRequests.get(required(c, "request"));
                    if (scope != null) {
                        scope.put("state", "APPROVED");
                        scope.putNull("decision_reason");
                    }
                }
                case "scope-rejected" -> {
                    ObjectNode scope = scopeRequests.get(required(c, "request"));
                    if (scope != null) {
                        scope.put("state", "REJECTED");
                        scope.set("decision_reason", value(c, "reason"));
                    }
                }
                case "item-added" -> {
                    if ("ACCEPTED".equals(status)) {
                        status = "PROGRAMME_PLANNED";
                    }
                    String item = required(c, "item");
                    // as ON CONFLICT DO NOTHING: an item already there stays as it is
                    items.computeIfAbsent(item, key -> schedule(json.createObjectNode()
                            .put("delegation_id", id)
                            .put("item_id", item), c)
                            .set("planned_by", value(c, "plannedBy"))
                            .putNull("payer")
                            .putNull("basis")
                            .putNull("amount")
                            .putNull("currency")
                            .put("confirmed", false));
                }
                case "item-changed" -> {
                    ObjectNode item = items.get(required(c, "item"));
                    if (item != null) {
                        schedule(item, c).put("confirmed", false);
                    }
                }
                case "item-removed" -> {
                    // as the DELETE: an item id that is null matches nothing
                    String item = text(c, "item");
                    if (item != null) {
                        items.remove(item);
                    }
                    // as the aggregate does: a planned programme whose last item is gone is accepted again
                    if ("PROGRAMME_PLANNED".equals(status) && items.isEmpty()) {
                        status = "ACCEPTED";
                    }
                }
                case "cost-covered" -> {
                    ObjectNode item = items.get(required(c, "item"));
                    if (item != null) {
                        item.set("payer", value(c, "payer"));
                        item.set("basis", value(c, "basis"));
                        item.set("amount", value(c, "amount"));
                        item.set("currency", value(c, "currency"));
                    }
                }
                case "confirmed" -> {
                    status = "CONFIRMED";
                    items.values().forEach(item -> item.put("confirmed", true));
                }
                case "reopened" -> {
                    status = "PROGRAMME_PLANNED";
                    items.values().forEach(item -> item.put("confirmed", false));
                }
                case "completed" -> {
                    status = "COMPLETED";
                    row.set("outcome", value(c, "outcome"));
                }
                case "closed" -> {
                    status = text(c, "status");
                    row.set("closing_reason", value(c, "reason"));
                }
                case "opportunity" -> row.set("business_opportunity", value(c, "opportunity"));
                case "advanced" -> {
                    // only the version and time, above
                }
                default -> throw new Unfoldable();
            }
        }

        private void register(ObjectNode c, long changeVersion) {
            version = changeVersion;
            status = "REQUESTED";
            themes = texts(c, "themes");
            row = json.createObjectNode()
                    .put("delegation_id", id)
                    .set("board_position", value(c, "position"))
                    .set("business_opportunity", value(c, "opportunity"))
                    .set("registered_at", value(c, "at"))
                    .set("registered_by", value(c, "actor"))
                    .set("version", value(c, "version"))
                    .set("updated_at", value(c, "at"))
                    .put("repeat_request", false)
                    .set("earlier_requests", json.createArrayNode())
                    .set("supporting_operators", json.createArrayNode())
                    .put("imported", c.path("imported").asBoolean(false));
            request(c);
        }

        /** The request's own fields, as registered or corrected. */
        private void request(ObjectNode c) {
            row.set("channel", value(c, "channel"))
                    .set("requesting_organisation", value(c, "organisation"))
                    .set("origin_province", value(c, "province"))
                    .set("origin_city", value(c, "city"))
                    .set("delegation_type", value(c, "type"))
                    .set("political_level", value(c, "level"))
                    .set("head_count", value(c, "headCount"))
                    .set("wished_from", value(c, "wishedFrom"))
                    .set("wished_to", value(c, "wishedTo"))
                    .set("purpose", value(c, "purpose"))
                    .set("country", value(c, "country"))
                    .set("date_received", value(c, "received"));
        }

        /** An answer to an offer: only one made here can be answered, since the delegation has no assignment yet. */
        private void answer(String event, ObjectNode c) {
            String operator = required(c, "operator");
            Boolean lead = flag(c, "lead");
            ObjectNode offer = offers.get(operator);
            if (offer != null) {
                switch (event) {
                    case "accepted" -> offer.put("state", "ACCEPTED").set("answered_at", value(c, "at"))
                            .putNull("reason").put("returned_to_desk", false);
                    case "declined" -> offer.put("state", "DECLINED").set("answered_at", value(c, "at"))
                            .set("reason", value(c, "reason")).set("returned_to_desk", value(c, "returned"));
                    case "escalated" -> offer.put("state", "ESCALATED").set("escalated_at", value(c, "at"));
                    default -> offer.put("state", "WITHDRAWN").set("answered_at", value(c, "at"));
                }
                offer.set("position", value(c, "position"));
                // seen by its operator while accepted or escalated, and no longer after an answer that ends it
                if (event.equals("accepted") || event.equals("escalated")) {
                    operators.add(operator);
                } else {
                    operators.remove(operator);
                }
            }
            if (event.equals("accepted") && Boolean.TRUE.equals(lead) && "ROUTED".equals(status)) {
                status = "ACCEPTED";
            }
            if (event.equals("declined") && Boolean.TRUE.equals(lead) && Boolean.TRUE.equals(flag(c, "returned"))) {
                status = "SCREENED";
                row.putNull("lead_operator");
                row.set("supporting_operators", json.createArrayNode());
            }
        }

        /** What a programme item added or changed says of the item. */
        private ObjectNode schedule(ObjectNode item, ObjectNode c) {
            return item.set("kind", value(c, "kind"))
                    .set("title", value(c, "title"))
                    .set("starts_at", value(c, "starts"))
                    .set("ends_at", value(c, "ends"))
                    .set("venue_id", value(c, "venue"))
                    .set("host_id", value(c, "host"))
                    .set("host_is_hospital", value(c, "hostIsHospital"))
                    .set("venue_is_hospital", value(c, "venueIsHospital"));
        }

        ObjectNode boardRow() {
            row.put("status", status);
            row.set("themes", array(themes));
            ArrayNode seenBy = row.putArray("operators");
            operators.forEach(seenBy::add);
            return row;
        }
    }

    private ArrayNode array(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode value(ObjectNode change, String field) {
        JsonNode value = change.get(field);
        return value == null ? NullNode.getInstance() : value;
    }

    /** A field as the function's text column reads it, or null. */
    private static String text(ObjectNode change, String field) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Unfoldable();
        }
        return value.asString();
    }

    private static String required(ObjectNode change, String field) {
        String value = text(change, field);
        if (value == null) {
            throw new Unfoldable();
        }
        return value;
    }

    /** A whole number; a missing one the function compares as null, which it does not take as "behind". */
    private static long number(ObjectNode change, String field) {
        JsonNode value = change.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Unfoldable();
        }
        return value.longValue();
    }

    private static Boolean flag(ObjectNode change, String field) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new Unfoldable();
        }
        return value.booleanValue();
    }

    /**
     * A list as {@code delegation_board_texts} reads it: the array literal the handlers write
     * ({@link DelegationBoardProjection#arrayLiteral}), or a JSON array of texts; anything else is empty.
     */
    static List<String> texts(ObjectNode change, String field) {
        JsonNode value = change.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return parseArrayLiteral(value.asString());
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode element : value) {
                if (element.isNull()) {
                    values.add(null);
                } else if (element.isString()) {
                    values.add(element.asString());
                } else {
                    throw new Unfoldable();
                }
            }
            return values;
        }
        return List.of();
    }

    /**
     * Reads a one-dimensional array literal of the form {@link DelegationBoardProjection#arrayLiteral} writes: every
     * element quoted with {@code "} and {@code \} escaped, or an unquoted {@code NULL}.
     */
    static List<String> parseArrayLiteral(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '{' || literal.charAt(literal.length() - 1) != '}') {
            throw new Unfoldable();
        }
        List<String> values = new ArrayList<>();
        int end = literal.length() - 1;
        int i = 1;
        if (i == end) {
            return values;
        }
        while (true) {
            if (literal.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else if (literal.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < end && literal.charAt(i) != '"') {
                    if (literal.charAt(i) == '\\') {
                        i++;
                    }
                    if (i >= end) {
                        throw new Unfoldable();
                    }
                    value.append(literal.charAt(i++));
                }
                if (i >= end) {
                    throw new Unfoldable();
                }
                i++;
                values.add(value.toString());
            } else {
                throw new Unfoldable();
            }
            if (i == end) {
                return values;
            }
            if (literal.charAt(i) != ',') {
                throw new Unfoldable();
            }
            i++;
        }
    }

    /** What the fold leaves to the function. */
    private static final class Unfoldable extends RuntimeException {
        Unfoldable() {
            super(null, null, false, false);
        }
    }
}
