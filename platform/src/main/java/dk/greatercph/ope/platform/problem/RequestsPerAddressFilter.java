package dk.greatercph.ope.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most so many requests of one client address in progress at once; more are answered 429 with
 * {@code Retry-After} before anything reads their bodies (and their connections are closed). A request thread waits
 * for a body as long as its sender takes to send it: a few hundred connections posting the sign-in form a byte at a
 * time took every thread, and the application stopped answering anyone. One address now holds at most this many.
 * An open event stream counts only while it is being opened. Behind a proxy the address is the client's only where
 * the proxy is configured (docs/security.md); otherwise every client shares the proxy's allowance.
 */
class RequestsPerAddressFilter extends OncePerRequestFilter {

    private final int limit;
    private final ProblemWriter problems;
    private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    RequestsPerAddressFilter(int limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limit <= 0) {
            chain.doFilter(request, response);
            return;
        }
        String address = String.valueOf(request.getRemoteAddr());
        // counted up and down inside the map's own per-key lock, so a counter is never dropped while in use
        int count = inProgress.compute(address, (any, counter) -> {
            AtomicInteger counted = counter == null ? new AtomicInteger() : counter;
            counted.incrementAndGet();
            return counted;
        }).get();
        try {
            if (count > limit) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(response, ProblemWriter.safePath(request.getRequestURI()),
                        GeneralProblem.TOO_MANY_REQUESTS, "More than " + limit
                                + " requests from this address are in progress; retry after Retry-After.");
                return;
            }
            chain.doFilter(request, response);
        } finally {
            inProgress.computeIfPresent(address, (any, counter) -> counter.decrementAndGet() == 0 ? null : counter);
        }
    }
}
