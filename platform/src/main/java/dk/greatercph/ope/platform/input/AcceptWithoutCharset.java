package dk.greatercph.ope.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;

/**
 * Every answer here is UTF-8 (JSON must be, RFC 8259), so a {@code charset} in the {@code Accept} header is ignored,
 * as {@code Accept-Charset} is. Left in, {@code application/json;charset=UTF-16} became the answer's content type,
 * which the JSON writer could not write: 500, for anyone, on the health check too.
 */
final class AcceptWithoutCharset extends OncePerRequestFilter {

    /** A {@code charset} parameter of a media range, with the separator before it. */
    private static final Pattern CHARSET = Pattern.compile("\\s*;\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;,]*)",
            Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean withCharset = accept != null && namesCharset(accept);
        chain.doFilter(withCharset ? new Stripped(request) : request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page's problem is written by the same negotiation
    }

    /** Whether "charset" appears, in any case; without the copy a lower-cased header would make on every request. */
    private static boolean namesCharset(String accept) {
        for (int i = accept.length() - "charset".length(); i >= 0; i--) {
            if (accept.regionMatches(true, i, "charset", 0, "charset".length())) {
                return true;
            }
        }
        return false;
    }

    static String strip(String accept) {
        return CHARSET.matcher(accept).replaceAll("");
    }

    private static final class Stripped extends HttpServletRequestWrapper {

        Stripped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return value != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? strip(value) : value;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            Enumeration<String> values = super.getHeaders(name);
            if (!HttpHeaders.ACCEPT.equalsIgnoreCase(name) || values == null) {
                return values;
            }
            return Collections.enumeration(Collections.list(values).stream().map(AcceptWithoutCharset::strip)
                    .toList());
        }
    }
}
