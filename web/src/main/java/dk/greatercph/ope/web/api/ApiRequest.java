package dk.greatercph.ope.web.api;

import dk.greatercph.ope.platform.input.BytesInputStream;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page's request turned into an API request: its own method, body and API headers. The page's own
 * parameters, body and htmx headers are not passed on; cookies, client address and the rest are. A body given as a
 * file is read from it as the API reads, never held in memory; {@link #close()} closes what was opened.
 */
final class ApiRequest extends HttpServletRequestWrapper implements AutoCloseable {

    private final String method;
    private final byte[] content;
    private final Path file;
    private final long length;
    private final List<FileServletInputStream> opened = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String queryString;
    private final Map<String, String[]> parameters;

    /** @param body the body: bytes, a file ({@link Path}) or null for none */
    ApiRequest(HttpServletRequest page, String method, String queryString, Map<String, String[]> parameters,
               Object body, Map<String, String> headers) {
        super(page);
        this.method = method;
        this.queryString = queryString;
        this.parameters = Map.copyOf(parameters);
        this.file = body instanceof Path path ? path : null;
        this.content = body instanceof byte[] bytes ? bytes : new byte[0];
        this.length = file == null ? content.length : size(file);
        headers.forEach((name, value) -> this.headers.put(name.toLowerCase(Locale.ROOT), value));
        this.headers.put("content-length", Long.toString(length));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw FileServletInputStream.unreadable(file, e);
        }
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
        return length > Integer.MAX_VALUE ? -1 : (int) length;
    }

    @Override
    public long getContentLengthLong() {
        return length;
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
        if (file == null) {
            return new BytesInputStream(content);
        }
        FileServletInputStream in = FileServletInputStream.open(file);
        opened.add(in);
        return in;
    }

    /** Closes the body's file streams the API opened (it may leave them open, as it would a socket's). */
    @Override
    public void close() {
        opened.forEach(FileServletInputStream::close);
        opened.clear();
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
