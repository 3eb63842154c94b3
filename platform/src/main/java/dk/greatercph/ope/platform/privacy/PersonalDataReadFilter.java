package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Around every read request of an authenticated user (after the security filters), notes whose personal data the
 * request showed and records it when the request ends, also when the answer was streamed.
 */
class PersonalDataReadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReadFilter.class);

    private final PersonalDataReads reads;

    PersonalDataReadFilter(PersonalDataReads reads) {
        this.reads = reads;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser reader = CurrentUser.current().orElse(null);
        reads.start();
        try {
            chain.doFilter(request, response);
        } finally {
            String query = request.getQueryString();
            try {
                reads.finish(reader, "GET " + request.getRequestURI() + (query == null ? "" : "?" + withoutSearch(query)));
            } catch (RuntimeException e) {
                log.error("Could not record a read of personal data by {} ({})", reader == null ? null : reader.name(),
                        request.getRequestURI(), e);
            }
        }
    }

    /** What a free-text search's value, or a parameter no endpoint takes, is recorded as. */
    static final String SEARCH_NOT_KEPT = "[not kept]";

    /**
     * The parameters the reading endpoints take whose values are ids, numbers, dates, codes or cursors, recorded as
     * sent. Any other parameter is recorded as {@code [not kept]}, its name included: endpoints ignore a parameter
     * they do not take, so {@code ?who=Chen%20Jing} was answered and its name kept in this log for good.
     */
    private static final Set<String> KEPT = Set.of("minVersion", "limit", "after", "year", "from", "to", "at",
            "version", "status", "operator", "venue", "host", "format", "person", "delegation", "type",
            "aggregateType", "aggregateId", "actor", "view", "date", "lang", "state", "kind", "owner", "role");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.:,+=-]{0,200}");

    /**
     * The query as recorded: a search's text ({@code q}) and any parameter outside {@link #KEPT} (or with a value
     * that is not plain) are not kept, since no erasure reaches this log. Whose data the answer showed is recorded by
     * id beside it.
     */
    static String withoutSearch(String query) {
        StringBuilder kept = new StringBuilder();
        boolean othersLeftOut = false;
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            String recorded;
            if (name.equals("q")) {
                recorded = "q=" + SEARCH_NOT_KEPT;
            } else if (KEPT.contains(name) && PLAIN_VALUE.matcher(value).matches()) {
                recorded = parameter;
            } else if (KEPT.contains(name)) {
                recorded = name + "=" + SEARCH_NOT_KEPT;
            } else if (!othersLeftOut) {
                othersLeftOut = true;
                recorded = SEARCH_NOT_KEPT;
            } else {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(recorded);
        }
        return kept.toString();
    }
}
