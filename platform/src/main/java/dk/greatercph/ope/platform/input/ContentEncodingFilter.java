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
import java.util.Locale;

/**
 * Bodies are read as sent: a request whose {@code Content-Encoding} names a coding (gzip, br, …) is refused with 415
 * (RFC 9110, 8.4.1). Before, the header was ignored: a plain body labelled gzip was read as plain, and a gzipped one
 * was refused as malformed JSON.
 * <p>
 * A JSON body is UTF-8 (RFC 8259, 8.1): one labelled with another {@code charset} ({@code UTF-16}, {@code ISO-8859-1})
 * is refused with 415 too. Before, the label was ignored and the bytes read as UTF-8, so a UTF-16 body was refused as
 * malformed and a Latin-1 one recorded its accented letters wrongly or not at all.
 */
final class ContentEncodingFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentEncodingFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.indexOf(';') > 0 && !utf8Json(contentType)) {
            problems.write(response, ProblemWriter.safePath(request.getRequestURI()),
                    GeneralProblem.UNSUPPORTED_MEDIA_TYPE,
                    "A JSON body is UTF-8: send it as UTF-8, labelled charset=UTF-8 or without a charset.");
            return;
        }
        HttpServletRequest read = contentType != null && json(contentType) ? new Utf8Body(request) : request;
        if (request.getHeader(HttpHeaders.CONTENT_ENCODING) == null) {
            chain.doFilter(read, response); // nearly every request: nothing more to look at
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
        chain.doFilter(read, response);
    }

    private static boolean json(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /**
     * False for a JSON type ({@code application/json}, {@code +json}) whose {@code charset} is not UTF-8; true for
     * every other. The header is read as sent: the request's character encoding is UTF-8 whatever it says, since
     * Boot's encoding filter forces it.
     */
    private static boolean utf8Json(String contentType) {
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            return true;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter[1].strip();
                if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                    charset = charset.substring(1, charset.length() - 1);
                }
                if (!charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
