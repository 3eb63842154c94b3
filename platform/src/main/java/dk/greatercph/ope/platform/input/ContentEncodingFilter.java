package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.GeneralProblem;
import dk.greatercph.ope.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;

/**
 * Bodies are read as sent: a request whose {@code Content-Encoding} names a coding (gzip, br, …) is refused with 415
 * (RFC 9110, 8.4.1). Before, the header was ignored: a plain body labelled gzip was read as plain, and a gzipped one
 * was refused as malformed JSON.
 */
final class ContentEncodingFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentEncodingFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.CONTENT_ENCODING) == null) {
            chain.doFilter(request, response); // nearly every request: nothing to look at
            return;
        }
        for (String value : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
            for (String coding : value.split(",")) {
                if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                    problems.write(response, ProblemWriter.safePath(request.getRequestURI()),
                            GeneralProblem.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Encoding is not accepted: send the body as it is, without a content coding.");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
