package dk.greatercph.ope.web.api;

import dk.greatercph.ope.platform.input.BytesInputStream;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The page's request turned into an API request: its own method, body and API headers. The page's own
 * parameters, body and htmx headers are not passed on; cookies, client address and the rest are.
 */
final class ApiRequest extends HttpServletRequestWrapper {

    private final String method;
    private final byte[] content;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String queryString;
    private final Map<String, String[]> parameters;

    ApiRequest(HttpServletRequest page, String method, String queryString, Map<String, String[]> parameters,
               byte[] content, Map<String, String> headers) {
        super(page);
        this.method = method;
        this.queryString = queryString;
        this.parameters = Map.copyOf(parameters);
        this.content = content == null ? new byte[0] : content;
        headers.forEach((name, value) -> this.headers.put(name.toLowerCase(Locale.ROOT), value));
        this.headers.put("content-length", Integer.toString(this.content.length));
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (headers.containsKey(lower)) {
            return headers.get(lower);
        }
        return passedOn(lower) ? super.getHeader(name) : null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(headers.keySet());
        Collections.list(super.getHeaderNames()).stream().map(n -> n.toLowerCase(Locale.ROOT))
                .filter(ApiRequest::passedOn).forEach(names::add);
        return Collections.enumeration(names);
    }

    @Override
    public long getDateHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public String getContentType() {
        return headers.get("content-type");
    }

    @Override
    public int getContentLength() {
        return content.length;
    }

    @Override
    public long getContentLengthLong() {
        return content.length;
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BytesInputStream(content);
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    /** Headers of the page's request that an API request may carry too. */
    private static boolean passedOn(String lowerName) {
        return switch (lowerName) {
            case "content-type", "content-length", "transfer-encoding", "accept", "if-match", "if-none-match",
                 "idempotency-key", "origin", "authorization" -> false;
            default -> !lowerName.startsWith("hx-");
        };
    }
}
