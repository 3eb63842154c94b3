package dk.greatercph.ope.platform.idempotency;

import dk.greatercph.ope.platform.database.DatabaseFailures;
import dk.greatercph.ope.platform.input.BytesInputStream;
import dk.greatercph.ope.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For a POST, PUT or DELETE with an {@code Idempotency-Key} (the IETF httpapi draft "The Idempotency-Key HTTP Header
 * Field"):
 * the first request is carried out and its answer kept; the same principal sending the same key and request
 * again gets that answer back (marked {@code Idempotent-Replayed: true}) and nothing new is recorded. The same
 * key with another request is 422; a retry while the first is still in flight is 409. A request in flight
 * holds its key for a lease only, so a request that crashed does not block its key for good; kept answers
 * expire. Answers of 5xx, and 4xx answers that recorded nothing, are not kept, so such a request can be sent
 * again, corrected, with the same key. What the request's command did is marked on its record in the command's own
 * transaction ({@link Attempt}); a record so marked is never carried out again, whatever became of its answer (a
 * 503 after the commit, a crash before the answer was kept): its retries are told it was recorded (409
 * {@code IDEMPOTENT_REQUEST_RECORDED}).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    /**
     * The methods whose requests a key makes idempotent: every command's. A PUT or DELETE sent again after a crash
     * (a supporting outcome's report, a KPI target, a member's removal) was carried out again under its key, and the
     * key written into a second event's metadata.
     */
    static final Set<String> KEYED_METHODS = Set.of("POST", "PUT", "DELETE");
    /** How often the answer is tried to be kept, each time on the pool's next connection. */
    static final int KEEP_ATTEMPTS = 4;

    private static final String RECORDED_ANSWER_LOST = "A request with this Idempotency-Key was recorded, but its "
            + "answer was lost to a failure; it is not carried out again. Read the resource to see the result.";

    private static final String CREATED_ANSWER_LOST = "A request with this Idempotency-Key was recorded, but its "
            + "answer was lost to a failure; it is not carried out again. What it created is at %s (Location).";

    /**
     * How long the filter's own statements wait for a lock on a key's record. The record is also written by the
     * request's command (its mark, {@link Attempt}), in the command's transaction: with that transaction's server
     * process frozen (its commit unanswered), keeping or freeing the key waited for the driver's socket timeout, once
     * per try, and the request hung for 50 s; a retry's claim waited as long. Now each gives up after this, and
     * the key is freed later or waits out its lease.
     */
    static final String LOCK_TIMEOUT = "2s";

    /** At most this many keys wait to be freed (a long outage): the others wait out their lease, as before. */
    private static final int MAX_LEFT_OVER = 10_000;
    /** At most this many are freed before one request's own work, each taken by one request only. */
    private static final int FREED_PER_REQUEST = 8;

    private final Set<Attempt> leftOver = ConcurrentHashMap.newKeySet();
    /** The attempts this process is carrying out now, until their answer is kept (or could not be). */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final JdbcClient jdbc;
    private final ProblemWriter problems;
    private final IdempotencyProperties properties;

    IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !KEYED_METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || !uri(request).startsWith("/api/");
    }

    /**
     * The API's address the request is for: a page's call of the API is an include inside the page's request (the
     * filter is registered for both), whose own address is the page's.
     */
    private static String uri(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) instanceof String included
                ? included : request.getRequestURI();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> parsed = key(request.getHeader(HEADER));
        if (parsed.isPresent() && Collections.list(request.getHeaders(HEADER)).size() > 1) {
            // read as its first, a retry with the second recorded the request again
            problems.write(response, uri(request), IdempotencyProblem.INVALID_IDEMPOTENCY_KEY, HEADER,
                    "Idempotency-Key is given more than once; give one key.");
            return;
        }
        if (parsed.isEmpty()) {
            problems.write(response, uri(request), IdempotencyProblem.INVALID_IDEMPOTENCY_KEY, HEADER,
                    "Idempotency-Key is a string of 1 to 200 visible ASCII characters, e.g. "
                            + "\"8e03978e-40d5-43e8-bc93-6894a57f9324\".");
            return;
        }
        String key = parsed.get();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        IdempotencyScope scope = IdempotencyScope.of(user);
        freeLeftOver();
        byte[] body = request.getInputStream().readAllBytes();
        String path = uri(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        RequestHash hash = RequestHash.of(request.getMethod() + " " + path + "\n", body, request.getContentType());
        UUID attempt = UUID.randomUUID();

        boolean mine;
        try {
            mine = claim(scope, key, request.getMethod(), path, hash, attempt);
        } catch (DataAccessException away) {
            if (DatabaseFailures.isLockTimeout(away)) {
                // the record is being written by the request that holds the key, whose transaction has not ended
                inProgress(request, response);
                return;
            }
            // the claim may still commit once the database answers (its statement was sent before the connection
            // was given up): freed before a later keyed request, so a retry does not wait out the whole lease
            if (leftOver.size() < MAX_LEFT_OVER) {
                leftOver.add(new Attempt(scope, key, attempt));
            }
            throw away;
        }
        if (!mine) {
            Optional<Kept> kept = kept(scope, key);
            if (kept.isEmpty()) {
                // the request holding the key finished without keeping an answer just now: the key is free
                try {
                    mine = claim(scope, key, request.getMethod(), path, hash, attempt);
                } catch (DataAccessException away) {
                    if (DatabaseFailures.isLockTimeout(away)) {
                        inProgress(request, response);
                        return;
                    }
                    if (leftOver.size() < MAX_LEFT_OVER) {
                        leftOver.add(new Attempt(scope, key, attempt));
                    }
                    throw away;
                }
                kept = mine ? Optional.empty() : kept(scope, key);
            }
            if (!mine) {
                answer(kept, hash, request, response, scope, key);
                return;
            }
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        request.setAttribute(Attempt.ATTRIBUTE, new Attempt(scope, key, attempt));
        inFlight.add(attempt);
        try {
            chain.doFilter(new CachedBody(request, body), recorded);
        } finally {
            try {
                keepTrying(scope, key, attempt, request, recorded);
            } catch (DataAccessException away) {
                // the answer goes out all the same; the key stays in flight, and marked recorded if the command was
                // committed, so a retry is never carried out twice
                log.warn("Could not keep the answer for an Idempotency-Key: {}", away.toString());
                if (!kept(recorded.getStatus(), request) && leftOver.size() < MAX_LEFT_OVER) {
                    leftOver.add(new Attempt(scope, key, attempt));
                }
            } finally {
                inFlight.remove(attempt);
                // a page's include shares the page's attributes: its next call of the API is another request
                request.removeAttribute(Attempt.ATTRIBUTE);
                request.removeAttribute(RecordedRefusal.ATTRIBUTE);
                request.removeAttribute(RecordedResource.ATTRIBUTE);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * Keeps the answer, trying again on another connection while the one it was given turns out dead (at most
     * {@link #KEEP_ATTEMPTS} times): connections whose backends died (terminated, or the database restarted) stay in
     * the pool until used, and a 2xx whose answer was not kept is replayed as 409 "recorded, but its answer was lost".
     * A single second try still met another dead connection when many had died at once. Any other failure (no
     * connection at all within the pool's timeout, a refused statement) is not tried again.
     */
    private void keepTrying(IdempotencyScope scope, String key, UUID attempt, HttpServletRequest request,
                            ContentCachingResponseWrapper recorded) {
        for (int tried = 1; ; tried++) {
            try {
                keep(scope, key, attempt, request, recorded);
                return;
            } catch (DataAccessException failed) {
                if (tried >= KEEP_ATTEMPTS || !deadConnection(failed)) {
                    throw failed;
                }
                log.info("Keeping the answer for an Idempotency-Key failed ({}); trying again", failed.toString());
            }
        }
    }

    /**
     * Whether a failure came from a pooled connection whose server process is gone: SQLSTATE class 08 (connection
     * exception; not 08P01, a protocol violation) or 57P (the operator or a crash ended the backend), as PostgreSQL's
     * driver reports them. Waiting in
     * vain for a connection from the pool is not one: another try would wait as long again.
     */
    static boolean deadConnection(DataAccessException failed) {
        if (failed instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
            return false;
        }
        Throwable cause = failed;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") && !sql.getSQLState().equals("08P01")
                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key as the draft writes it, a structured-field string ({@code "…"}), or as a bare token; empty when
     * it is neither or not 1 to 200 visible ASCII characters.
     */
    static Optional<String> key(String header) {
        String value = header.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder unquoted = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= value.length() - 1) {
                        return Optional.empty();
                    }
                    c = value.charAt(++i);
                    if (c != '"' && c != '\\') {
                        return Optional.empty();
                    }
                } else if (c == '"') {
                    return Optional.empty();
                }
                unquoted.append(c);
            }
            value = unquoted.toString();
            if (value.isBlank() || !value.chars().allMatch(c -> c >= 32 && c < 127)) {
                return Optional.empty();
            }
        } else if (!value.chars().allMatch(c -> c > 32 && c < 127 && c != '"' && c != '\\')) {
            return Optional.empty();
        }
        return value.isEmpty() || value.length() > 200 ? Optional.empty() : Optional.of(value);
    }

    /**
     * Takes the key for this attempt: a new record, or an old one whose answer has expired, or one whose request
     * never finished and whose lease ran out (only for the same request: a crashed request may have recorded
     * something, so another request must not take its key), and only if it recorded nothing: one whose command
     * was committed is never carried out again.
     */
    private boolean claim(IdempotencyScope scope, String key, String method, String path, RequestHash hash,
                          UUID attempt) {
        return jdbc.sql("""
                        WITH bounded AS MATERIALIZED (SELECT set_config('lock_timeout', '%s', true))
                        INSERT INTO idempotency_record (issuer, subject, idem_key, method, path, request_hash, status,
                            attempt, lease_until, expires_at, created_at)
                        SELECT :issuer, :subject, :key, :method, :path, :hash, 0, :attempt,
                            now() + make_interval(secs => :lease), now() + make_interval(secs => :expiry), now()
                        FROM bounded
                        ON CONFLICT (issuer, subject, idem_key) DO UPDATE SET method = EXCLUDED.method,
                            path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, status = 0,
                            attempt = EXCLUDED.attempt, lease_until = EXCLUDED.lease_until,
                            expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at,
                            content_type = NULL, location = NULL, etag = NULL, body = NULL, recorded = false
                        WHERE idempotency_record.expires_at <= now()
                           OR (idempotency_record.status = 0 AND idempotency_record.lease_until <= now()
                               AND idempotency_record.request_hash IN (EXCLUDED.request_hash, :bytes)
                               AND NOT idempotency_record.recorded)
                        """.formatted(LOCK_TIMEOUT))
                .param("issuer", scope.issuer()).param("subject", scope.subject()).param("key", key)
                .param("method", method).param("path", path).param("hash", hash.value())
                .param("bytes", hash.bytes()).param("attempt", attempt)
                .param("lease", (double) properties.lease().toMillis() / 1000)
                .param("expiry", (double) properties.expiry().toMillis() / 1000)
                .update() == 1;
    }

    /** Whether an answer of {@code status} is kept for its key: 5xx, and 4xx that recorded nothing, are not. */
    private static boolean kept(int status, HttpServletRequest request) {
        boolean recordedRefusal = Boolean.TRUE.equals(request.getAttribute(RecordedRefusal.ATTRIBUTE));
        return status < 400 || (status < 500 && recordedRefusal);
    }

    /**
     * Frees the keys of attempts whose answer was not to be kept but whose key could not be freed then (the database
     * away, the cause of their 503 as a rule). Before, such a key answered its retries 409 in progress until its
     * lease ran out (a minute), though nothing was recorded: a client with a bounded number of retries gave up, and
     * the operation was left undone. Tried before every request with a key, while there are any.
     */
    private void freeLeftOver() {
        int tried = 0;
        for (Attempt left : leftOver) {
            if (tried++ == FREED_PER_REQUEST || !leftOver.remove(left)) {
                if (tried > FREED_PER_REQUEST) {
                    return; // the next requests free the rest, a few each
                }
                continue; // another request took it
            }
            try {
                free(left.scope(), left.key(), left.id());
            } catch (DataAccessException failed) {
                if (DatabaseFailures.isUnavailable(failed)) {
                    leftOver.add(left); // still away: kept for a later request
                    return;
                }
                log.warn("Could not free an Idempotency-Key after its failure ({}); it waits out its lease",
                        failed.toString());
            }
        }
    }

    /** Frees the key of an attempt whose answer is not kept, unless its command was committed; true if freed. */
    private boolean free(IdempotencyScope scope, String key, UUID attempt) {
        return jdbc.sql("""
                        WITH bounded AS MATERIALIZED (SELECT set_config('lock_timeout', '%s', true))
                        DELETE FROM idempotency_record
                        WHERE issuer = :issuer AND subject = :subject AND idem_key = :key AND attempt = :attempt
                          AND NOT recorded AND EXISTS (SELECT FROM bounded)
                        """.formatted(LOCK_TIMEOUT))
                .param("issuer", scope.issuer()).param("subject", scope.subject()).param("key", key)
                .param("attempt", attempt).update() == 1;
    }

    private void keep(IdempotencyScope scope, String key, UUID attempt, HttpServletRequest request,
                      ContentCachingResponseWrapper response) {
        int status = response.getStatus();
        if (!kept(status, request)) {
            // an answer that is not kept frees the key, unless the command was committed all the same (its answer
            // failed after the commit, or the commit's acknowledgement was lost): then it must not run again
            if (free(scope, key, attempt)) {
                return;
            }
            if (status >= 500) {
                jdbc.sql("""
                                WITH bounded AS MATERIALIZED (SELECT set_config('lock_timeout', '%s', true))
                                UPDATE idempotency_record SET status = :status, content_type = :type,
                                    etag = NULL, body = :body
                                WHERE issuer = :issuer AND subject = :subject AND idem_key = :key
                                  AND attempt = :attempt AND EXISTS (SELECT FROM bounded)
                                """.formatted(LOCK_TIMEOUT))
                        .param("status", IdempotencyProblem.IDEMPOTENT_REQUEST_RECORDED.status())
                        .param("type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .param("body", problems.bytes(uri(request), IdempotencyProblem.IDEMPOTENT_REQUEST_RECORDED,
                                answerLost(recordedLocation(scope, key, attempt))))
                        .param("issuer", scope.issuer()).param("subject", scope.subject()).param("key", key)
                        .param("attempt", attempt).update();
                return;
            }
        }
        jdbc.sql("""
                        WITH bounded AS MATERIALIZED (SELECT set_config('lock_timeout', '%s', true))
                        UPDATE idempotency_record SET status = :status, content_type = :type, location = :location,
                            etag = :etag, body = :body
                        WHERE issuer = :issuer AND subject = :subject AND idem_key = :key AND attempt = :attempt
                          AND EXISTS (SELECT FROM bounded)
                        """.formatted(LOCK_TIMEOUT))
                .param("status", status).param("type", response.getContentType())
                .param("location", response.getHeader("Location")).param("etag", response.getHeader("ETag"))
                .param("body", response.getContentAsByteArray()).param("issuer", scope.issuer())
                .param("subject", scope.subject()).param("key", key).param("attempt", attempt).update();
    }

    /** The resource the attempt's command created, as written with its mark ({@link RecordedResource}). */
    private String recordedLocation(IdempotencyScope scope, String key, UUID attempt) {
        return jdbc.sql("""
                        SELECT location FROM idempotency_record
                        WHERE issuer = :issuer AND subject = :subject AND idem_key = :key AND attempt = :attempt
                        """)
                .param("issuer", scope.issuer()).param("subject", scope.subject()).param("key", key)
                .param("attempt", attempt).query(String.class).optional().orElse(null);
    }

    private static String answerLost(String location) {
        return location == null ? RECORDED_ANSWER_LOST : CREATED_ANSWER_LOST.formatted(location);
    }

    private Optional<Kept> kept(IdempotencyScope scope, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, content_type, location, etag, body, recorded, attempt
                        FROM idempotency_record
                        WHERE issuer = :issuer AND subject = :subject AND idem_key = :key
                        """)
                .param("issuer", scope.issuer()).param("subject", scope.subject()).param("key", key)
                .query((rs, n) -> new Kept(rs.getString("request_hash"), rs.getInt("status"), rs.getString("content_type"),
                        rs.getString("location"), rs.getString("etag"), rs.getBytes("body"), rs.getBoolean("recorded"),
                        rs.getObject("attempt", UUID.class)))
                .optional();
    }

    private void answer(Optional<Kept> read, RequestHash hash, HttpServletRequest request, HttpServletResponse response,
                        IdempotencyScope scope, String key) throws IOException {
        Optional<Kept> kept = read;
        // whether the request holding the key has finished here, seen once and before the answer is read again: it
        // leaves the in-flight set only after its answer is kept, so a read after seeing it gone finds that answer.
        // Asking the set a second time, after the read, told a retry "recorded, answer lost" when the first request
        // finished in between (seen in CI once in many runs).
        boolean finished = kept.isPresent() && kept.get().status() == 0 && kept.get().recorded()
                && !inFlight.contains(kept.get().attempt());
        if (finished) {
            // read while its request was still keeping the answer, which it has finished since: read it again
            kept = kept(scope, key);
        }
        if (kept.isPresent() && !hash.matches(kept.get().hash())) {
            problems.write(response, uri(request), IdempotencyProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request.");
            return;
        }
        if (finished && kept.isPresent() && kept.get().status() == 0 && kept.get().recorded()) {
            // committed, and its answer never kept (the database went away before it could be); while this process
            // is still keeping it (the command committed a moment ago), the retry is told to come back shortly
            String location = kept.get().location();
            if (location != null) {
                response.setHeader("Location", location);
            }
            problems.write(response, uri(request), IdempotencyProblem.IDEMPOTENT_REQUEST_RECORDED,
                    answerLost(location));
            return;
        }
        if (kept.isEmpty() || kept.get().status() == 0) {
            inProgress(request, response);
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

    private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        problems.write(response, uri(request), IdempotencyProblem.IDEMPOTENT_REQUEST_IN_PROGRESS,
                "A request with this Idempotency-Key is still being carried out; retry shortly.");
    }

    private record Kept(String hash, int status, String contentType, String location, String etag, byte[] body,
                        boolean recorded, UUID attempt) {
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
            return new BytesInputStream(body);
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
