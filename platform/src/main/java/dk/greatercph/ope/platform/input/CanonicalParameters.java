package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds path variables and query parameters to the same text rule as request bodies, before any handler
 * runs, so that no control character reaches a query or a log line.
 */
final class CanonicalParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        Map<String, String[]> parameters = parameters(request);
        refuseRepeatedQueryParameters(request);
        Set<String> inQuery = form(request) ? queryNames(request.getQueryString()) : null;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (CanonicalText.violation(name, false) != null) {
                throw new InvalidInput(InputProblem.INVALID_TEXT, "parameter name", "is not canonical text");
            }
            // a field of a posted form (a page's text area) may hold lines; what it becomes in an API call is
            // held again to the rule of the API field it fills
            boolean multiLine = inQuery != null && !inQuery.contains(name);
            boolean pageForm = multiLine && !request.getRequestURI().startsWith("/api/");
            for (String value : parameter.getValue()) {
                if (pageForm) {
                    checkTyped(name, value);
                } else {
                    check(name, value, multiLine);
                }
            }
        }
        return true;
    }

    /**
     * No parameter of the API takes several values: a query parameter given twice ({@code ?year=2027&year=2028}) is
     * refused naming it, where it was read as its first value. Pages' forms may post a field several times (a list
     * of operators), so only the API's query strings are held to this.
     */
    private static void refuseRepeatedQueryParameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.indexOf('&') < 0 || !request.getRequestURI().startsWith("/api/")) {
            return; // nearly every request: at most one parameter, or a page
        }
        Set<String> seen = new HashSet<>();
        for (String name : names(query)) {
            if (!name.isEmpty() && !seen.add(name)) {
                throw new InvalidInput(InputProblem.INVALID_PARAMETER, name,
                        "is given more than once; give it once");
            }
        }
    }

    private static boolean form(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The names of the query string's parameters, decoded; these stay single-line in a form post too. */
    private static Set<String> queryNames(String query) {
        return new HashSet<>(names(query));
    }

    private static List<String> names(String query) {
        List<String> names = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0];
                try {
                    names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException undecodable) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The parameters; a query string that is not percent-encoded UTF-8 is refused, naming the parameter. */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            InvalidInput refusal = UnreadableParameters.refusal(undecodable);
            throw refusal == null ? undecodable : refusal;
        }
    }

    private static void check(String name, String value) {
        check(name, value, false);
    }

    /**
     * A page's form field: only what no form can send (a lone surrogate) is refused here. Anything else, a control
     * character pasted with the text (a vertical tab from a word processor's line break) included, goes on to the
     * page, which sends it to the API; the API refuses it naming its field, and the page shows that beside the field
     * with what was typed. Refused here, it answered the browser a bare JSON problem and lost the form.
     */
    private static void checkTyped(String name, String value) {
        String violation = CanonicalText.violation(value, true);
        if (violation != null && violation.startsWith("contains a lone surrogate")) {
            throw new InvalidInput(InputProblem.INVALID_TEXT, name, violation);
        }
    }

    private static void check(String name, String value, boolean multiLine) {
        String violation = CanonicalText.violation(value, multiLine);
        if (violation != null) {
            throw new InvalidInput(InputProblem.INVALID_TEXT, name, violation);
        }
    }
}
