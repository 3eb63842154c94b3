package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, 403 {@code CROSS_SITE_REQUEST}, a request to the API that another site's page made the browser send with
 * the Basic credentials it remembers for this one. A browser that was once given the user name and password (its
 * sign-in prompt on a 401) attaches them to every later request here, also to a form another site posts or an
 * image it embeds: a command without a body (a confirmation, a replay, a rebuild) was then carried out in the
 * user's name. Such a request says where it comes from ({@code Sec-Fetch-Site}, or {@code Origin} from older
 * browsers). Refused are: a change (any method but GET, HEAD and OPTIONS) from another site, and a read another
 * site's page embeds or fetches (not the user's own following of a link, {@code Sec-Fetch-Mode: navigate}).
 * Bearer tokens are not attached by browsers and stay allowed from the configured CORS origins; clients that are
 * not browsers send neither header.
 */
final class CrossSiteBasicRefusal extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    private final ProblemWriter problems;

    CrossSiteBasicRefusal(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && fromAnotherSite(request)
                && (!READS.contains(request.getMethod()) || !followedLink(request))) {
            problems.write(response, request.getRequestURI(), SecurityProblem.CROSS_SITE_REQUEST,
                    "Another site's page sent this request with the credentials your browser remembers for this one; "
                            + "it was not carried out. Call the API from this site, or from a client that sends its "
                            + "own credentials.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user's own following of a link: a top-level navigation, not a frame another page embeds. */
    private static boolean followedLink(HttpServletRequest request) {
        String destination = request.getHeader("Sec-Fetch-Dest");
        return "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                && (destination == null || "document".equals(destination));
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return OTHER_SITES.contains(site.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !sameOrigin(origin.trim(), request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null": a sandboxed frame, a file, a redirect across sites
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
