package dk.greatercph.ope.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every answer here is UTF-8 (JSON must be, RFC 8259), so a {@code charset} in the {@code Accept} header is ignored,
 * as {@code Accept-Charset} is. Left in, {@code application/json;charset=UTF-16} became the answer's content type,
 * which the JSON writer could not write: 500, for anyone, on the health check too.
 *
 * <p>A media range with the weight {@code q=0} is "not acceptable" (RFC 9110, 12.4.2), but Spring read it as any other
 * range and answered JSON to {@code Accept: application/json;q=0}. Such ranges are left out; when none is left, the
 * answer is 406 as for a type nobody here writes. An exclusion beside a wider range ({@code application/json;q=0, *}
 * {@code /*}) keeps its meaning: the wider range is replaced by the types this application writes that it covers and
 * no more specific zero-weight range excludes, so a JSON-only answer is 406 there too (before, it was JSON).
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

    /**
     * The concrete types answers here have (the API, pages, downloads, feeds, streams, the actuator, static
     * resources), among which a wider range is narrowed when a zero-weight range excludes part of it.
     */
    private static final List<MediaType> WRITTEN = Stream.of("application/json", "application/problem+json",
                    "text/html", "text/csv", "text/calendar", "text/event-stream", "application/x-ndjson",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.spring-boot.actuator.v3+json", "application/openmetrics-text", "text/plain",
                    "text/css", "text/javascript", "application/javascript", "image/svg+xml", "image/png",
                    "image/x-icon")
            .map(MediaType::valueOf).toList();

    static String strip(String accept) {
        List<String> zero = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String range : accept.split(",")) {
            (NOT_ACCEPTABLE.matcher(range).find() ? zero : kept).add(range);
        }
        if (String.join("", kept).isBlank()) {
            return NOTHING;
        }
        String left = String.join(",", zero.isEmpty() ? kept : narrowed(kept, zero));
        return left.isBlank() ? NOTHING : CHARSET.matcher(left).replaceAll("");
    }

    /**
     * The ranges kept, each wider one that covers an excluded range replaced by the written types it covers whose
     * most specific range in the header is not an exclusion (RFC 9110, 12.5.1: the most specific range decides; a
     * range both excluded and accepted is excluded).
     */
    private static List<String> narrowed(List<String> kept, List<String> zero) {
        List<MediaType> excluded = parsed(zero);
        List<String> ranges = new ArrayList<>();
        for (String range : kept) {
            MediaType wide = parsed(List.of(range)).stream().findFirst().orElse(null);
            if (wide == null || excluded.stream().noneMatch(e -> wide.includes(e) && precision(wide) <= precision(e))) {
                ranges.add(range);
                continue;
            }
            String weight = wide.getParameter("q") == null ? "" : ";q=" + wide.getParameter("q");
            for (MediaType type : WRITTEN) {
                if (wide.includes(type) && excluded.stream().noneMatch(e -> e.includes(type)
                        && precision(e) >= precision(wide))) {
                    ranges.add(type + weight);
                }
            }
        }
        return ranges;
    }

    private static List<MediaType> parsed(List<String> ranges) {
        List<MediaType> types = new ArrayList<>();
        for (String range : ranges) {
            try {
                types.add(MediaType.valueOf(range.strip()));
            } catch (InvalidMediaTypeException e) {
                // left for the negotiation to refuse as it refuses any other malformed range
            }
        }
        return types;
    }

    /** How specific a range is: {@code *}{@code /*} 0, {@code text/*} 1, {@code text/html} 2. */
    private static int precision(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
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
