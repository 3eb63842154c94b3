package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A command of the API that takes no body (a confirmation, an acceptance, a scope expansion's approval) refuses one
 * that says something, as a body with an unknown field is refused: before, {@code {"reason":"…"}} sent with an
 * approval answered 200 and the reason was dropped without a word. An empty body, or {@code {}}, is no body.
 */
final class BodilessCommands implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** More than any body this check reads to the end: a larger one is refused without being read. */
    private static final int READ_AT_MOST = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NO_BODY = "is not part of this request: this command takes no body";

    /** Whether each handler takes a body, found once: every write to the API asks. */
    private final Map<Method, Boolean> takesABody = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/") || takesABody(method)) {
            return true;
        }
        if (form(request)) {
            // the parameters were read already (CanonicalParameters), and with them the form's body
            Set<String> inQuery = queryNames(request.getQueryString());
            for (String name : request.getParameterMap().keySet()) {
                if (!inQuery.contains(name)) {
                    throw new InvalidInput(InputProblem.UNKNOWN_FIELD, name, NO_BODY);
                }
            }
            return true;
        }
        if (request.getContentLengthLong() == 0
                || request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null) {
            return true;
        }
        String body = body(request);
        if (body.isBlank() || body.strip().equals("null")) {
            return true;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json != null && json.isObject()) {
            if (json.isEmpty()) {
                return true;
            }
            String field = json.propertyNames().iterator().next();
            throw new InvalidInput(InputProblem.UNKNOWN_FIELD, field, NO_BODY);
        }
        throw new InvalidInput(InputProblem.UNKNOWN_FIELD, "body", NO_BODY);
    }

    /**
     * A handler takes a body when it names what it consumes (a CSV import reads the body itself), or has a parameter
     * bound from the body.
     */
    private boolean takesABody(HandlerMethod method) {
        return takesABody.computeIfAbsent(method.getMethod(), found -> findsABody(method));
    }

    private static boolean findsABody(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping != null && mapping.consumes().length > 0) {
            return true;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
                    || MultipartFile.class.isAssignableFrom(type) || InputStream.class.isAssignableFrom(type)
                    || java.io.Reader.class.isAssignableFrom(type) || HttpEntity.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body as text. What cannot be read (not UTF-8, a broken content coding, over the size limit) is refused as
     * any unreadable body is, with the same code ({@code ProblemDetailsAdvice}), not as an unexpected error.
     */
    private static String body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes(READ_AT_MOST + 1);
            if (read.length > READ_AT_MOST) {
                throw new InvalidInput(InputProblem.UNKNOWN_FIELD, "body", NO_BODY);
            }
            return new String(read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("The body could not be read", e,
                    new ServletServerHttpRequest(request));
        }
    }

    private static boolean form(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Set<String> queryNames(String query) {
        Set<String> names = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                try {
                    names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    names.add(pair); // CanonicalParameters refused what cannot be decoded already
                }
            }
        }
        return names;
    }
}
