package dk.greatercph.ope.app.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP as a demo user of the embedded default (password = user name), over kept-alive connections. The JDK's
 * blocking {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the latter hands every exchange to its
 * selector thread and back, which on two cores added about 1 ms to the median and 4 ms to the p99 of a 1.3 ms
 * request and took CPU from the application it measures. {@link #configure()} sizes the keep-alive pool for the
 * benchmark's clients and stops the JDK from sending a POST a second time after a dropped connection.
 */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECT_MILLIS = 10_000;
    private static final int READ_MILLIS = 60_000;

    private final String base;
    private final String authorization;

    Http(int port, String user) {
        this.base = "http://localhost:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Before the first request: read once by the JDK when its keep-alive cache is first used. */
    static void configure() {
        System.setProperty("http.maxConnections", "64");
        System.setProperty("sun.net.http.retryPost", "false");
    }

    Http as(String user) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user);
    }

    JsonNode getJson(String path) {
        return json(expect(exchange("GET", path, null), 200, "GET " + path));
    }

    JsonNode post(String path, String body, int expected) {
        return json(expect(exchange("POST", path, body), expected, "POST " + path));
    }

    private Answer exchange(String method, String path, String body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_MILLIS);
            connection.setReadTimeout(READ_MILLIS);
            connection.setRequestProperty("Authorization", authorization);
            connection.setRequestProperty("Accept", "application/json");
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                // No fixed-length streaming: it writes the headers when the stream is opened and the body after,
                // so the server starts the request and then waits for its body; that added about 1 ms to a
                // registration's median against the same jar (docs/performance.md). Buffered, the body follows
                // the headers at once, as browsers and curl send a small body.
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            // read to the end and close, so that the connection goes back to the keep-alive pool
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The application did not answer: " + e.getMessage(), e);
        }
    }

    private static Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private static JsonNode json(Answer answer) {
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private record Answer(int status, String body) {
    }
}
