package dk.greatercph.ope.app.web.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's page session over plain HTTP, without a browser: signs in through the form (with its CSRF token),
 * keeps the session cookie, and sends forms the way a page does. For what a browser adds nothing to
 * (authorization, CSRF, status codes, headers); journeys and looks belong to {@link Browser}.
 */
public final class PageSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    private PageSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A session nobody has signed in to yet. */
    public static PageSession anonymous(int port) {
        return new PageSession("http://localhost:" + port);
    }

    /** A demo user signed in through the form (password = name). */
    public static PageSession signedIn(int port, String user) {
        PageSession session = anonymous(port);
        Page login = session.get("/login");
        Page answer = session.form("/login", Map.of("username", user, "password", user), login.csrf());
        if (answer.status() != 302 || answer.header("Location").contains("/login")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + answer.status() + " " + answer.header("Location"));
        }
        return session;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    /** A GET with the session's cookie and {@code headers}. */
    public Page get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
    }

    /** A GET as htmx sends it (with {@code HX-Request}), for the fragments pages reload. */
    public Page getFragment(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of("HX-Request", "true"));
    }

    /** A form POST with the session's current CSRF token (from the last page read). */
    public Page post(String path, Map<String, String> fields) {
        return form(path, fields, csrf);
    }

    /** A form POST with the given CSRF token, or none when null. */
    public Page form(String path, Map<String, String> fields, String token) {
        return form(path, fields, token, Map.of());
    }

    /** A form POST with the given CSRF token (or none when null) and {@code headers}. */
    public Page form(String path, Map<String, String> fields, String token, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /** A form POST of fields already encoded (a name may repeat), with the session's current CSRF token. */
    public Page postEncoded(String path, String encodedFields) {
        String body = encodedFields + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    /** A multipart form POST of one file, {@code file}, with the session's current CSRF token. */
    public Page upload(String path, String fileName, byte[] content) {
        String boundary = "----page-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Map.of());
    }

    public String csrf() {
        return csrf;
    }

    /** A download's bytes as the server sent them (a spreadsheet is not text). */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response, response.body());
            String token = page.csrf();
            if (token != null) {
                csrf = token;
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server answered: status, headers, HTML. */
    public record Page(int status, HttpResponse<String> raw, String body) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        /** The CSRF token the page carries (form field or meta tag), if any. */
        public String csrf() {
            for (Pattern pattern : new Pattern[]{CSRF_INPUT, CSRF_META}) {
                Matcher matcher = pattern.matcher(body == null ? "" : body);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            return null;
        }
    }
}
