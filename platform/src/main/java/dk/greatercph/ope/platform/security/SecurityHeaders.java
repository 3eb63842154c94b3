package dk.greatercph.ope.platform.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that knows the security headers every response carries, whatever its status and whoever
 * writes it: {@code Content-Security-Policy} (from {@code ope.security.headers.content-security-policy}),
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code X-Frame-Options}, and
 * {@code Strict-Transport-Security} on requests served over TLS. Spring Security writes them through this
 * {@link HeaderWriter}; {@link #filter()} puts them on the response before any other filter can answer (the
 * request body limit, the database-unavailable refusal, the security firewall's rejections, the container's
 * error page); and Tomcat's error report valve, which answers requests no filter ever sees, writes them too.
 * A header the application has set already is left as it is.
 */
public final class SecurityHeaders implements HeaderWriter {

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private final Map<String, String> always;

    SecurityHeaders(String contentSecurityPolicy) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        this.always = Collections.unmodifiableMap(headers);
    }

    /** The headers with the configured Content-Security-Policy. */
    public static SecurityHeaders of(SecurityProperties.Headers properties) {
        return new SecurityHeaders(properties.contentSecurityPolicy());
    }

    /** The headers with the default Content-Security-Policy, for writers outside any application context. */
    public static SecurityHeaders defaults() {
        return of(new SecurityProperties.Headers(null));
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        always.forEach((name, value) -> setIfAbsent(response, name, value));
        if (request.isSecure()) {
            setIfAbsent(response, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    /** A servlet filter that writes the headers before passing the request on, for every dispatch. */
    public Filter filter() {
        return (request, response, chain) -> {
            if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
                writeHeaders(http, answer);
            }
            chain.doFilter(request, response);
        };
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
