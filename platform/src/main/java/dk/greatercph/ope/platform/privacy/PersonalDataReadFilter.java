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

    /** What a free-text search's value is recorded as. */
    static final String SEARCH_NOT_KEPT = "[not kept]";

    /**
     * The query as recorded, without the text of a search ({@code q}): a search for a person's name kept the name in
     * this log for good, where no erasure reaches it. Whose data the answer showed is recorded by id beside it.
     */
    static String withoutSearch(String query) {
        StringBuilder kept = new StringBuilder();
        for (String parameter : query.split("&", -1)) {
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(parameter.equals("q") || parameter.startsWith("q=") ? "q=" + SEARCH_NOT_KEPT : parameter);
        }
        return kept.toString();
    }
}
