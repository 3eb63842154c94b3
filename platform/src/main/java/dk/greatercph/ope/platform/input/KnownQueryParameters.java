package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter that no parameter of the API's handler reads is refused by name (400 {@code INVALID_PARAMETER}):
 * a misspelt filter ({@code ?stauts=COMPLETED}, {@code ?aggregateid=}) was ignored, and the whole board or the whole
 * log answered as if it were the filtered one. A handler's parameters are its {@code @RequestParam}s and the
 * components of its {@link ParameterObject} records; a handler that takes all parameters as a map is left alone.
 * Only the API's query strings are held to this: a page's form and its address are the page's.
 */
final class KnownQueryParameters implements HandlerInterceptor {

    /** The names each handler method reads; {@code null} for one that reads any. */
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || !(handler instanceof HandlerMethod method)
                || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Set<String> names = known.computeIfAbsent(method.getMethod(), m -> names(method));
        if (names.contains("*")) {
            return true;
        }
        for (String pair : query.split("&")) {
            String raw = pair.split("=", 2)[0];
            if (raw.isEmpty()) {
                continue;
            }
            String name;
            try {
                name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                name = raw;
            }
            if (!names.contains(name)) {
                throw new InvalidInput(InputProblem.INVALID_PARAMETER, name, names.isEmpty()
                        ? "is not a parameter of this request, which takes none"
                        : "is not a parameter of this request; it takes " + String.join(", ", names.stream().sorted().toList()));
            }
        }
        return true;
    }

    private static Set<String> names(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return Set.of("*");
                }
                String name = StringUtils.hasText(requestParam.name()) ? requestParam.name() : requestParam.value();
                if (!StringUtils.hasText(name)) {
                    parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    name = parameter.getParameterName();
                }
                if (name == null) {
                    return Set.of("*");
                }
                names.add(name);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)
                    && parameter.getParameterType().isRecord()) {
                Arrays.stream(parameter.getParameterType().getRecordComponents()).map(RecordComponent::getName)
                        .forEach(names::add);
            }
        }
        return Set.copyOf(names);
    }
}
