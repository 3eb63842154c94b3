package dk.greatercph.ope.app.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver in the test JVM (the JDK's HTTP server on 127.0.0.1 and a free port): it records every request
 * and answers with the status its policy gives for the n-th request (1-based).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator status;

    private WebhookReceiver(IntUnaryOperator status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            int answer = this.status.applyAsInt(count.incrementAndGet());
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** A receiver answering {@code status.apply(n)} to its n-th request. */
    public static WebhookReceiver answering(IntUnaryOperator status) {
        return new WebhookReceiver(status);
    }

    public void answer(IntUnaryOperator policy) {
        this.status = policy;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests whose body mentions {@code text} (a delegation id). */
    public List<Received> about(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
