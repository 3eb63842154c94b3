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
 *
 * <p>A media range with the weight {@code q=0} is "not acceptable" (RFC 9110, 12.4.2), but Spring read it as any other
 * range and answered JSON to {@code Accept: application/json;q=0}. Such ranges are left out; when none is left, the
 * answer is 406 as for a type nobody here writes. (An exclusion beside a wider range, {@code application/json;q=0, *}
 * {@code /*}, still gets JSON, the only type most answers have.)
 */
final class AcceptWithoutCharset extends OncePerRequestFilter {

    /** A {@code charset} parameter of a media range, with the separator before it. */
    private static final Pattern CHARSET = Pattern.compile("\\s*;\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;,]*)",
            Pattern.CASE_INSENSITIVE);

    /** A weight of zero: {@code q=0}, {@code q=0.}, {@code q=0.0}, … in a range's parameters. */
    private static final Pattern NOT_ACCEPTABLE = Pattern.compile(";\\s*q\\s*=\\s*0(\\.0{0,3})?\\s*(;|$)",
            Pattern.CASE_INSENSITIVE);

    /** What the header says when every range it named had the weight zero: a type no answer here has. */
    static final String NOTHING = "application/x-nothing-acceptable";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean changes = accept != null && (namesCharset(accept) || accept.indexOf('=') >= 0 && weighsZero(accept));
        chain.doFilter(changes ? new Stripped(request) : request, response);
    }

    private static boolean weighsZero(String accept) {
        for (String range : accept.split(",")) {
            if (NOT_ACCEPTABLE.matcher(range).find()) {
                return true;
            }
        }
        return false;
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
        String kept = String.join(",", java.util.Arrays.stream(accept.split(","))
                .filter(range -> !NOT_ACCEPTABLE.matcher(range).find()).toList());
        return kept.isBlank() ? NOTHING : CHARSET.matcher(kept).replaceAll("");
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
