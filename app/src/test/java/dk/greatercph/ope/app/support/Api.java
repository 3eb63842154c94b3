package dk.greatercph.ope.app.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/** A plain HTTP client against the running application, as any client of the REST API would be. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    public Api(int port) {
        this("http://localhost:" + port, null);
    }

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same API as a demo user of the embedded default (password = user name). */
    public Api as(String user) {
        return basic(user, user);
    }

    /** The same API with HTTP Basic credentials. */
    public Api basic(String user, String password) {
        String credentials = user + ":" + password;
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same API with a bearer token. */
    public Api withBearer(String token) {
        return new Api(base, "Bearer " + token);
    }

    /** The same API with no credentials. */
    public Api anonymous() {
        return new Api(base, null);
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), Map.of());
    }

    public Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        request.timeout(Duration.ofSeconds(30));
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response;
            try {
                response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                // a pooled connection the server closed as it was taken (no byte of an answer came): the JDK's client
                // sends a POST once only, so a matrix row failed on the connection, not on what it tested
                if (!String.valueOf(stale.getMessage()).contains("received no bytes")) {
                    throw stale;
                }
                response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path} until {@code until} holds or {@code timeout} passes; returns the last response. */
    public Response getUntil(String path, Predicate<Response> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last = get(path);
        while (!until.test(last) && System.nanoTime() < deadline) {
            sleep(50);
            last = get(path);
        }
        return last;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
