package dk.greatercph.ope.web.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The pages' only way to read and change anything: a call of the REST API, dispatched inside this server under
 * the signed-in user, exactly as if the browser had sent it with the user's credentials. The API's function-level
 * rules ({@code AccessRules}) are asked first, its object-level rules apply where the data is, its validation
 * names the fields, and its refusals come back as the problem details any client sees.
 */
@Component
public class Api {

    /** Segments of letters, digits and {@code - _ . ~}, none of them "." or "..". */
    static final java.util.regex.Pattern SAFE_PATH =
            java.util.regex.Pattern.compile("(/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)+(\\.ics)?");

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** How long a form's second sending waits for the first one's answer. */
    static final Duration KEPT_WITHIN = Duration.ofSeconds(10);

    /** How long {@link #getUntil} waits for a view to show a change. */
    static final Duration SHOWN_WITHIN = Duration.ofSeconds(5);

    private final JsonMapper json;
    private final WebInvocationPrivilegeEvaluator privileges;

    Api(JsonMapper json, WebInvocationPrivilegeEvaluator privileges) {
        this.json = json;
        this.privileges = privileges;
    }

    public ApiAnswer get(String path) {
        return call(HttpMethod.GET, path, Map.of(), null, Map.of());
    }

    /** A GET with query parameters; null or blank values are left out. */
    public ApiAnswer get(String path, Map<String, ?> query) {
        return call(HttpMethod.GET, path, query, null, Map.of());
    }

    /**
     * A GET read again (every 50 ms, at most {@link #SHOWN_WITHIN}) until its answer shows what the page just changed,
     * or until it is refused: the views are brought up to date a moment after a command, and a page that redirects
     * after a change should not show the state before it.
     */
    public ApiAnswer getUntil(String path, Map<String, ?> query, Predicate<ApiAnswer> shown) {
        long deadline = System.nanoTime() + SHOWN_WITHIN.toNanos();
        ApiAnswer answer = get(path, query);
        while (answer.ok() && !shown.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = get(path, query);
        }
        return answer;
    }

    /** A POST with a JSON body (any value the API's JSON mapper writes; null for none). */
    public ApiAnswer post(String path, Object body) {
        return call(HttpMethod.POST, path, Map.of(), body, Map.of());
    }

    public ApiAnswer put(String path, Object body) {
        return call(HttpMethod.PUT, path, Map.of(), body, Map.of());
    }

    public ApiAnswer delete(String path) {
        return call(HttpMethod.DELETE, path, Map.of(), null, Map.of());
    }

    /** True when the API would let the signed-in user call {@code method path} (function level only). */
    public boolean allows(HttpMethod method, String path) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && privileges.isAllowed("", path, method.name(), user);
    }

    /**
     * The general call. {@code body} is written as JSON unless it is already a {@code byte[]} or a file ({@link Path},
     * read as the API reads it, so that a large upload is never held in memory); for those two {@code headers} must
     * name its Content-Type.
     */
    public ApiAnswer call(HttpMethod method, String path, Map<String, ?> query, Object body, Map<String, String> headers) {
        return send(method, path, query, body, headers, true);
    }

    /**
     * A POST that changes nothing (a check, a dry run): sent without the page form's key ({@link FormKeys}), so that
     * each sending is answered anew rather than with the first sending's answer.
     */
    public ApiAnswer ask(String path, Map<String, ?> query, Object body, Map<String, String> headers) {
        return send(HttpMethod.POST, path, query, body, headers, false);
    }

    /**
     * A POST under a page form that carries a key is sent with it as its {@code Idempotency-Key}, unless its body
     * is a file (never held in memory, which the key's check of the body would need). While the form's first sending
     * is still being carried out, a second one waits for its answer ({@link #KEPT_WITHIN}) instead of being refused.
     */
    private ApiAnswer send(HttpMethod method, String path, Map<String, ?> query, Object body,
                           Map<String, String> headers, boolean keyed) {
        if (!keyed || method != HttpMethod.POST || body instanceof Path || headers.containsKey(IDEMPOTENCY_KEY)) {
            return dispatch(method, path, query, body, headers);
        }
        HttpServletRequest page = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Optional<String> key = FormKeys.next(page);
        if (key.isEmpty()) {
            return dispatch(method, path, query, body, headers);
        }
        Map<String, String> withKey = new LinkedHashMap<>(headers);
        withKey.put(IDEMPOTENCY_KEY, key.get());
        long deadline = System.nanoTime() + KEPT_WITHIN.toNanos();
        ApiAnswer answer = dispatch(method, path, query, body, withKey);
        while (answer.status() == 409 && "IDEMPOTENT_REQUEST_IN_PROGRESS".equals(answer.problem().code())
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = dispatch(method, path, query, body, withKey);
        }
        return answer;
    }

    private ApiAnswer dispatch(HttpMethod method, String path, Map<String, ?> query, Object body,
                               Map<String, String> headers) {
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("pages call only the API: " + path);
        }
        if (!SAFE_PATH.matcher(path).matches()) {
            // an id from a page's address that is not an id ("..", "%2F", ";", …) never reaches the dispatcher,
            // whose normalised path could differ from the one the rules were asked about
            throw new PageRefused(404);
        }
        if (!allows(method, path)) {
            return forbidden();
        }
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest page = attributes.getRequest();
        HttpServletResponse pageResponse = attributes.getResponse();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> addParameter(parameters, name, v));
            } else {
                addParameter(parameters, name, value);
            }
        });
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, values) -> uri.queryParam(name, values.toArray()));
        String queryString = uri.encode().build().getQuery();
        Map<String, String[]> parameterMap = new LinkedHashMap<>();
        parameters.forEach((name, values) -> parameterMap.put(name, values.toArray(String[]::new)));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        Object content = body;
        if (body != null && !(body instanceof byte[]) && !(body instanceof Path)) {
            content = json.writeValueAsBytes(body);
            sent.putIfAbsent("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        }
        sent.putIfAbsent("Accept", MediaType.APPLICATION_JSON_VALUE + ", application/problem+json");
        CapturedResponse response = new CapturedResponse(pageResponse);
        try (ApiRequest request = new ApiRequest(page, method.name(), queryString, parameterMap, content, sent)) {
            // an include, not a forward: the page's response stays open for the page itself
            page.getRequestDispatcher(path).include(request, response);
        } catch (ServletException | IOException e) {
            throw new IllegalStateException("The API failed to answer " + method + " " + path, e);
        }
        byte[] raw = response.content();
        return ApiAnswer.of(response.getStatus(), response.headers(), raw, response.getContentType(), parse(raw, response));
    }

    private JsonNode parse(byte[] raw, CapturedResponse response) {
        String type = response.getContentType();
        if (raw.length == 0 || type == null || !type.contains("json") || type.contains("ndjson")) {
            return null;
        }
        try {
            return json.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void addParameter(Map<String, List<String>> parameters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value.toString());
        }
    }

    private ApiAnswer forbidden() {
        byte[] raw = "{\"status\":403,\"code\":\"FORBIDDEN\"}".getBytes(StandardCharsets.UTF_8);
        return ApiAnswer.of(403, Map.of(), raw, "application/problem+json", json.readTree(new String(raw, StandardCharsets.UTF_8)));
    }
}
