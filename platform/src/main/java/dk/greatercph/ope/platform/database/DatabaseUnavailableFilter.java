package dk.greatercph.ope.platform.database;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * While the database is away, answers every request at once with 503 {@code DATABASE_UNAVAILABLE} and
 * {@code Retry-After}, and turns a connection failure that escapes a later filter into the same answer.
 * Health stays reachable, so readiness can say DOWN and liveness UP.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String CODE = DatabaseProblem.DATABASE_UNAVAILABLE.name();

    private final DatabaseAvailability availability;
    private final ProblemWriter problems;

    DatabaseUnavailableFilter(DatabaseAvailability availability, ProblemWriter problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        if (!availability.available()) {
            refuse(request, response, "The database is not reachable at the moment; nothing was recorded. Retry later.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response, "The database became unreachable while handling this request. Retry later "
                    + "(with the same Idempotency-Key, if one was sent).");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, availability.retryAfter().toSeconds())));
        problems.write(response, request.getRequestURI(), HttpStatus.SERVICE_UNAVAILABLE, CODE, detail);
    }
}
