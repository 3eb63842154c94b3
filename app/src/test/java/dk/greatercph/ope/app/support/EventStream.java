package dk.greatercph.ope.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent-events client: reads a stream's events in the background, as a browser's EventSource would. */
public final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final int status;
    private final String contentType;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse(null);
        this.lines = response.body();
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens {@code path} as demo user {@code user} (anonymously when null), with a Last-Event-ID when
     * {@code lastEventId} is not null.
     */
    public static EventStream open(int port, String path, String user, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The next event that satisfies {@code wanted}, skipping others, or null when {@code timeout} passes first. */
    public Event next(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null || wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read() {
        try {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closedByThisClient) {
            events.add(new Event(null, "closed", ""));
        }
    }

    @Override
    public void close() {
        lines.close();
    }

    /** One server-sent event. */
    public record Event(String id, String name, String data) {
    }
}
