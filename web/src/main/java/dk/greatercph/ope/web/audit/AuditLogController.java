package dk.greatercph.ope.web.audit;

import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.web.api.ViewData;
import dk.greatercph.ope.web.i18n.Times;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;


import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's reading of the log: every event in order with who, when and why, filtered and paged as the API's
 * event log allows; and one aggregate's timeline, with its state as of any moment picked on a time slider.
 */
@Controller
class AuditLogController {

    /** The event log's filters, as the API names them; from and to are typed as Copenhagen wall-clock times. */
    static final List<String> FILTERS = List.of("aggregateType", "aggregateId", "type", "actor", "from", "to", "after");
    static final int PAGE = 50;

    private final Api api;
    private final Times times;
    private final org.springframework.context.MessageSource messages;
    private final Map<java.util.Locale, EventNames> eventNames = new java.util.concurrent.ConcurrentHashMap<>();

    AuditLogController(Api api, Times times, org.springframework.context.MessageSource messages) {
        this.api = api;
        this.times = times;
        this.messages = messages;
    }

    /** A GET, or a POST from the page's own forms, which keep filters such as the actor out of the address. */
    @RequestMapping(path = "/audit", method = {RequestMethod.GET, RequestMethod.POST})
    String log(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        });
        EventNames names = eventNames();
        Map<String, Object> query = new LinkedHashMap<>(filters);
        if (filters.containsKey("type")) {
            // the event's name as the pages say it ("Henvendelsen registreret") finds it, as its class name does
            query.put("type", names.types().getOrDefault(filters.get("type").toLowerCase(java.util.Locale.ROOT),
                    filters.get("type")));
        }
        model.addAttribute("eventLabels", names.labels());
        query.put("from", Moments.forApi(filters.get("from")));
        query.put("to", Moments.forApi(filters.get("to")));
        // one more than a page: the API's cursor follows any page (the log grows), and "next page" on the last one
        // led to an empty list
        query.put("limit", PAGE + 1);
        ApiAnswer answer = api.get("/api/audit/events", query);
        model.addAttribute("filters", filters);
        if (answer.ok()) {
            List<Map<String, Object>> events = rows(answer.body().path("items"));
            boolean more = events.size() > PAGE;
            model.addAttribute("events", more ? events.subList(0, PAGE) : events);
            model.addAttribute("next", more
                    ? Long.toString(answer.body().path("items").get(PAGE - 1).path("position").asLong()) : null);
        } else if (answer.status() == 400) {
            response.setStatus(400);
            model.addAttribute("problem", answer.problem());
        } else {
            answer.orRefuse();
        }
        return "audit/log";
    }

    /**
     * Every event type the pages name (messages {@code event.<Type>}) by its class name, and the type each name (lower
     * case) stands for, in the page's language; read from the bundle once per language.
     */
    private EventNames eventNames() {
        // keyed by the bundle's language, not the asked locale: a cookie may name any locale at all
        java.util.Locale asked = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Locale language = "en".equals(asked.getLanguage()) ? java.util.Locale.ENGLISH
                : java.util.Locale.forLanguageTag("da");
        return eventNames.computeIfAbsent(language, locale -> {
            Map<String, String> labels = new java.util.TreeMap<>();
            java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle("pages.delegation",
                    java.util.Locale.ROOT);
            for (String key : java.util.Collections.list(bundle.getKeys())) {
                if (key.startsWith("event.") && key.endsWith("Event")) {
                    String type = key.substring("event.".length());
                    labels.put(type, messages.getMessage(key, null, type, locale));
                }
            }
            Map<String, String> types = new java.util.HashMap<>();
            labels.forEach((type, label) -> types.putIfAbsent(label.toLowerCase(java.util.Locale.ROOT), type));
            return new EventNames(java.util.Collections.unmodifiableMap(labels), Map.copyOf(types));
        });
    }

    private record EventNames(Map<String, String> labels, Map<String, String> types) {
    }

    @GetMapping("/audit/{aggregateType}/{id}")
    String timeline(@PathVariable String aggregateType, @PathVariable String id,
                    @RequestParam(required = false) String at, @RequestParam(required = false) String moment,
                    Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    HttpServletResponse response) {
        if ((at == null || at.isBlank()) && moment != null && !moment.strip().matches("\\d{1,12}")) {
            throw new PageRefused(400, "moment"); // the slider sends whole seconds
        }
        String base = "/api/audit/" + aggregateType + "/" + id;
        ApiAnswer timeline = api.get(base + "/timeline");
        timeline.orRefuse();
        List<Map<String, Object>> events = rows(timeline.body().path("events"));
        List<Long> ticks = new ArrayList<>();
        for (JsonNode event : timeline.body().path("events")) {
            ticks.add(Moments.secondsUp(Instant.parse(event.path("timestamp").asString())));
        }
        String asked = asked(at, moment);
        ApiAnswer state = api.get(base + "/state", Map.of("at", asked == null ? "" : asked));
        model.addAttribute("aggregateType", timeline.body().path("aggregateType").asString(aggregateType));
        model.addAttribute("aggregateId", id);
        model.addAttribute("events", events);
        model.addAttribute("ticks", ticks);
        model.addAttribute("first", ticks.isEmpty() ? 0 : ticks.get(0));
        model.addAttribute("last", ticks.isEmpty() ? 0 : ticks.get(ticks.size() - 1));
        OffsetDateTime askedTime = parsed(asked);
        model.addAttribute("asked", asked);
        model.addAttribute("sliderAt", askedTime != null ? askedTime.toEpochSecond()
                : ticks.isEmpty() ? 0 : ticks.get(ticks.size() - 1));
        model.addAttribute("pickedLocal", askedTime == null ? at : Moments.local(askedTime.toInstant()));
        if (state.ok()) {
            model.addAttribute("state", state.data());
            model.addAttribute("stateFields", fields(state.body().path("state")));
        } else if (state.status() == 400) {
            // the typed moment could not be read: the form marks the field, as the other forms do
            response.setStatus(400);
            model.addAttribute("stateProblem", state.problem());
            model.addAttribute("atRefused", true);
        } else if (state.status() == 404) {
            model.addAttribute("stateProblem", state.problem());
        } else {
            state.orRefuse();
        }
        return htmx != null ? "audit/timeline :: state" : "audit/timeline";
    }

    /**
     * The moment asked for, as the API takes it: a typed date-time wins over the slider's second; a typed value that
     * is no date-time goes to the API as typed, whose refusal names the field.
     */
    private static String asked(String at, String moment) {
        String typed = Moments.forApi(at);
        if (typed != null) {
            return typed;
        }
        if (moment != null && moment.strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(moment.strip())).atZone(OpeTime.COPENHAGEN)
                    .toOffsetDateTime().toString();
        }
        return null;
    }

    private static OffsetDateTime parsed(String asked) {
        try {
            return asked == null ? null : OffsetDateTime.parse(asked);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The API's events as template rows, each with its payload and metadata as readable JSON. */
    static List<Map<String, Object>> rows(JsonNode items) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) ViewData.of(item);
            row.put("payloadText", item.path("payload").toPrettyString());
            row.put("metaDataText", item.path("metaData").toPrettyString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * One field of an aggregate's state as an auditor reads it: its name as the aggregate keeps it, and its value in
     * words (an instant in Copenhagen's time, a list joined, an identifier without its wrapper, nothing as a dash), or
     * the fields of a nested object.
     */
    public record StateField(String key, String value, List<StateField> fields, String label, String code) {

        StateField(String key, String value, List<StateField> fields) {
            this(key, value, fields, key, null);
        }
    }

    /** The enums whose codes a state holds, by the prefix of their words in the pages' messages. */
    private static final List<String> CODE_WORDS = List.of("enum.Status.", "enum.AssignmentState.",
            "enum.AssignmentRole.", "enum.Channel.", "enum.DelegationType.", "enum.PoliticalLevel.",
            "enum.ProgrammeItemKind.", "enum.Theme.", "enum.ScopeState.", "enum.VenueKind.", "enum.PartnerKind.",
            "enum.KpiKind.", "trips.status.");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]+");
    /**
     * A key that is an entry's id, not a field's name: a map's key (an item's {@code ITM-…}, an operator's code, a
     * number in a list). "Itm-adb91487…" and "Chc" read as if they were words.
     */
    private static final java.util.regex.Pattern ID_KEY =
            java.util.regex.Pattern.compile("[0-9]+|[A-Z]{2,4}-[0-9A-Za-z-]+|[a-z][a-z0-9-]*");

    /**
     * A field as the auditor reads it: its name in the page's words ({@code audit.field.<key>}, else the key's
     * words, "dateReceived" as "Date received"), and a code's value in words ("SCREENED" as "Screenet"), the code
     * kept beside it ({@code data-code}). The state view showed the aggregate's raw keys and codes.
     */
    private StateField worded(StateField field) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String named = messages.getMessage("audit.field." + field.key(), null, null, locale);
        String label = named != null ? named : ID_KEY.matcher(field.key()).matches() ? field.key()
                : spaced(field.key());
        String value = field.value();
        String code = null;
        if (value != null && field.fields().isEmpty()) {
            List<String> parts = List.of(value.split(", "));
            if (parts.stream().allMatch(part -> CODE.matcher(part).matches())) {
                List<String> words = parts.stream().map(part -> codeWords(part, locale)).toList();
                if (!words.equals(parts)) {
                    code = value;
                    value = String.join(", ", words);
                }
            }
        }
        return new StateField(field.key(), value, field.fields(), label, code);
    }

    private String codeWords(String code, java.util.Locale locale) {
        for (String prefix : CODE_WORDS) {
            String words = messages.getMessage(prefix + code, null, null, locale);
            if (words != null) {
                return words;
            }
        }
        return code;
    }

    /** "dateReceived" as "Date received". */
    private static String spaced(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An aggregate's state, one line per field, nested objects as fields of their own. */
    List<StateField> fields(JsonNode state) {
        List<StateField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : state.properties()) {
            fields.add(field(field.getKey(), field.getValue()));
        }
        return fields;
    }

    private StateField field(String key, JsonNode value) {
        return worded(bare(key, value));
    }

    private StateField bare(String key, JsonNode value) {
        if (value.isObject() && value.size() == 1 && value.has("value") && value.get("value").isValueNode()) {
            return bare(key, value.get("value")); // an identifier's wrapper, as {"value":"DEL-…"}
        }
        if (value.isObject() && !value.isEmpty()) {
            return new StateField(key, null, fields(value));
        }
        if (value.isArray() && !value.isEmpty() && value.valueStream().allMatch(JsonNode::isValueNode)) {
            return new StateField(key, String.join(", ", value.valueStream().map(this::scalar).toList()), List.of());
        }
        if (value.isArray() && !value.isEmpty()) {
            List<StateField> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(field(Integer.toString(i + 1), value.get(i)));
            }
            return new StateField(key, null, items);
        }
        return new StateField(key, value.isContainer() ? "—" : scalar(value), List.of());
    }

    private String scalar(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (value.isBoolean()) {
            return messages.getMessage(value.asBoolean() ? "audit.yes" : "audit.no", null, value.asString(), locale);
        }
        if (!value.isString()) {
            return value.asString();
        }
        String text = value.asString();
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return times.date(java.time.LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        if (text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T') {
            try {
                return times.moment(Instant.parse(text).toString());
            } catch (DateTimeParseException notAnInstant) {
                return text;
            }
        }
        return text;
    }
}
