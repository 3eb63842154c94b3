package dk.greatercph.ope.platform.idempotency;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * For a POST with an {@code Idempotency-Key}: the first request is carried out and its answer kept; the same
 * user sending the same key and body again gets that answer back (marked {@code Idempotent-Replayed: true})
 * and nothing new is recorded. The same key with another body is 422; a retry while the first is still
 * running is 409. Answers of 5xx are not kept, so such a request can be retried.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final ProblemWriter problems;

    IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            problems.write(response, request.getRequestURI(), HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key is 1 to 200 visible ASCII characters.");
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = sha256(request.getMethod() + " " + path + "\n", body);
        String actor = user.getName();

        boolean first = jdbc.sql("""
                        INSERT INTO idempotency_record (actor, idem_key, method, path, request_hash, status)
                        VALUES (:actor, :key, :method, :path, :hash, 0) ON CONFLICT DO NOTHING
                        """)
                .params(Map.of("actor", actor, "key", key, "method", request.getMethod(), "path", path, "hash", hash))
                .update() == 1;
        if (!first) {
            replay(actor, key, hash, request, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBody(request, body), recorded);
        } finally {
            keep(actor, key, recorded);
            recorded.copyBodyToResponse();
        }
    }

    private void keep(String actor, String key, ContentCachingResponseWrapper response) {
        if (response.getStatus() >= 500) {
            jdbc.sql("DELETE FROM idempotency_record WHERE actor = :actor AND idem_key = :key")
                    .param("actor", actor).param("key", key).update();
            return;
        }
        jdbc.sql("""
                        UPDATE idempotency_record SET status = :status, content_type = :type, location = :location,
                            etag = :etag, body = :body
                        WHERE actor = :actor AND idem_key = :key
                        """)
                .param("status", response.getStatus()).param("type", response.getContentType())
                .param("location", response.getHeader("Location")).param("etag", response.getHeader("ETag"))
                .param("body", response.getContentAsByteArray()).param("actor", actor).param("key", key).update();
    }

    private void replay(String actor, String key, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Kept> kept = jdbc.sql("""
                        SELECT request_hash, status, content_type, location, etag, body FROM idempotency_record
                        WHERE actor = :actor AND idem_key = :key
                        """)
                .param("actor", actor).param("key", key)
                .query((rs, n) -> new Kept(rs.getString("request_hash"), rs.getInt("status"), rs.getString("content_type"),
                        rs.getString("location"), rs.getString("etag"), rs.getBytes("body")))
                .optional();
        if (kept.isEmpty() || kept.get().status() == 0) {
            problems.write(response, request.getRequestURI(), HttpStatus.CONFLICT, "IDEMPOTENT_REQUEST_IN_PROGRESS",
                    "A request with this Idempotency-Key is still being carried out; retry shortly.");
            return;
        }
        if (!kept.get().hash().equals(hash)) {
            problems.write(response, request.getRequestURI(), HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request.");
            return;
        }
        Kept answer = kept.get();
        response.setStatus(answer.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
        }
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Kept(String hash, int status, String contentType, String location, String etag, byte[] body) {
    }

    /** The request with its body already read, so that the handler can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
