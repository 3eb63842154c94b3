package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

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
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (CanonicalText.violation(name, false) != null) {
                throw new InvalidInput("INVALID_TEXT", "parameter name", "is not canonical text");
            }
            for (String value : parameter.getValue()) {
                check(name, value);
            }
        }
        return true;
    }

    private static void check(String name, String value) {
        String violation = CanonicalText.violation(value, false);
        if (violation != null) {
            throw new InvalidInput("INVALID_TEXT", name, violation);
        }
    }
}
