package dk.greatercph.ope.web.api;

import dk.greatercph.ope.platform.input.InputProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API answered a page: the status, the headers a page cares about, and the body as JSON (a missing node
 * when there was none). A refusal is RFC 9457 problem details; {@link #problem()} reads it.
 */
public record ApiAnswer(int status, Map<String, String> headers, JsonNode body, byte[] raw, String contentType) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** This answer's body when the API answered 2xx, as templates read it; otherwise the page is refused with the API's status. */
    public Object orRefuse() {
        if (!ok()) {
            throw new PageRefused(status == 401 ? 403 : status);
        }
        return data();
    }

    /** The body as templates read it ({@link ViewData}): an object is a map, an array a list. */
    public Object data() {
        return ViewData.of(body);
    }

    /**
     * A form's refusal: the API refused what was typed, which the form shows beside its fields. Not allowed (403) or
     * the API's own failure (5xx) refuses the page itself instead.
     */
    public Problem formRefusal() {
        if (status == 403 || status >= 500) {
            throw new PageRefused(status >= 500 ? 500 : 403);
        }
        return problem();
    }

    /** The refusal, if this answer is one. */
    public Problem problem() {
        if (ok()) {
            return null;
        }
        JsonNode code = body.path("code");
        List<FieldError> fields = new java.util.ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            fields.add(new FieldError(error.path("field").asString(""), error.path("message").asString(""),
                    error.path("code").asString(null)));
        }
        String named = code.isMissingNode() || code.isNull() ? "HTTP_" + status : code.asString();
        // the API gives several wrong fields the first one's code; the page sums them up as several
        // ("Et felt har en ugyldig værdi" stood above four marked fields)
        if (fields.stream().map(FieldError::field).distinct().count() > 1 && FormErrors.isInputCode(named)) {
            named = InputProblem.VALIDATION_FAILED.name();
        }
        return new Problem(status, named, body.path("detail").asString(""), List.copyOf(fields));
    }

    /**
     * A refusal of bad input the page gives itself, in the API's shape, for a form that means something the API
     * cannot be told: the form is not sent, and its field shows the rule's words as for the API's own refusal.
     */
    public static ApiAnswer refusal(String code, String field, String detail) {
        return refusal(code, detail, Map.of(field, detail));
    }

    /** As {@link #refusal(String, String, String)}, naming several fields, each with its message, in their order. */
    public static ApiAnswer refusal(String code, String detail, Map<String, String> messagesByField) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode().put("status", 400).put("code", code)
                .put("detail", detail);
        var errors = problem.putArray("errors");
        messagesByField.forEach((field, message) -> errors.addObject().put("field", field).put("message", message));
        return new ApiAnswer(400, Map.of(), problem, new byte[0], "application/problem+json");
    }

    static ApiAnswer of(int status, Map<String, String> headers, byte[] raw, String contentType, JsonNode body) {
        return new ApiAnswer(status, headers, body == null ? MissingNode.getInstance() : body, raw, contentType);
    }

    /** A refusal as a page shows it: the code (explained in plain words by the page's messages) and its fields. */
    public record Problem(int status, String code, String detail, List<FieldError> fields) {

        /** The message for one field, or null. */
        public String field(String name) {
            return fields.stream().filter(f -> f.field().equals(name)).map(FieldError::message).findFirst().orElse(null);
        }

        public boolean hasField(String name) {
            return field(name) != null;
        }

        /** The first message for each field, by the field's name without an index ({@code themes[0]} is themes). */
        public Map<String, String> messagesByField() {
            Map<String, String> messages = new LinkedHashMap<>();
            fields.forEach(error -> messages.putIfAbsent(error.field().replaceAll("\\[.*", ""), error.message()));
            return messages;
        }
    }

    /** One refused field: what the API said about it, and the code of the rule that refused it, if it has one. */
    public record FieldError(String field, String message, String code) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }

        /** The code of a rule (not of the edge's bad input) that refused this field, or null. */
        public String ruleCode() {
            return code == null || FormErrors.isInputCode(code) ? null : code;
        }
    }
}
