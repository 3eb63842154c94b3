package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds path variables and query parameters to the same text rule as request bodies, before any handler
 * runs, so that no control character reaches a query or a log line.
 */
final class CanonicalParameters implements HandlerInterceptor {

    /** How Tomcat names the parameter it could not decode. */
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})]");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        for (Map.Entry<String, String[]> parameter : parameters(request).entrySet()) {
            String name = parameter.getKey();
            if (CanonicalText.violation(name, false) != null) {
                throw new InvalidInput(InputProblem.INVALID_TEXT, "parameter name", "is not canonical text");
            }
            for (String value : parameter.getValue()) {
                check(name, value);
            }
        }
        return true;
    }

    /** The parameters; a query string that is not percent-encoded UTF-8 is refused, naming the parameter. */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        try {
            return request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(undecodable.getMessage()));
            throw new InvalidInput(InputProblem.INVALID_TEXT, name.find() ? name.group(1) : "query",
                    "is not percent-encoded UTF-8");
        }
    }

    private static void check(String name, String value) {
        String violation = CanonicalText.violation(value, false);
        if (violation != null) {
            throw new InvalidInput(InputProblem.INVALID_TEXT, name, violation);
        }
    }
}
