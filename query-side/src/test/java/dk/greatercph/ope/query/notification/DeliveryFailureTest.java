package dk.greatercph.ope.query.notification;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the outbox says about a failed attempt, from the failures Java's HTTP client and mail sender really throw. */
class DeliveryFailureTest {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REQUEST = Duration.ofMillis(300);

    @Test
    void aRefusedConnectionNamesTheReceiverByHostAndPortOnly() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/hook?token=receivers-own";
        Throwable failure = send(url);
        assertThat(failure).isInstanceOf(ConnectException.class);

        // Java's client gives no message anywhere along the causes here (ConnectException twice, then a closed channel)
        assertThat(describe(failure, url)).isEqualTo("could not connect to 127.0.0.1:" + port);
    }

    @Test
    void aReceiverThatTakesTheConnectionButNeverAnswersIsNamedWithTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/hook";
            assertThat(describe(send(url), url))
                    .isEqualTo("no answer from 127.0.0.1:" + silent.getLocalPort() + " within 300 ms");
        }
    }

    @Test
    void aMailServerThatRefusesIsNamedAsTheMailServerWithTheRefusalsOwnReason() {
        MailSendException failure = new MailSendException(Map.of(new Object(),
                new IOException("Couldn't connect to host, port: localhost, 2525",
                        new ConnectException("Connection refused"))));
        Throwable cause = new IllegalStateException("sending failed", new IOException("wrapped",
                new ConnectException("Connection refused")));

        assertThat(DeliveryFailure.describe(cause, "the mail server", CONNECT, REQUEST))
                .isEqualTo("could not connect to the mail server (Connection refused)");
        assertThat(DeliveryFailure.describe(failure, "the mail server", CONNECT, REQUEST))
                .startsWith("MailSendException delivering to the mail server: ");
    }

    @Test
    void anyOtherFailureKeepsItsKindAndItsFirstMessage() {
        assertThat(DeliveryFailure.describe(new IOException(null, new IllegalStateException("stream closed")),
                "hooks.example:8443", CONNECT, REQUEST))
                .isEqualTo("IOException delivering to hooks.example:8443: stream closed");
        assertThat(DeliveryFailure.describe(new IOException(), "hooks.example", CONNECT, REQUEST))
                .isEqualTo("IOException delivering to hooks.example");
        assertThat(DeliveryFailure.receiver("https://hooks.example/in?secret=1")).isEqualTo("hooks.example");
        assertThat(DeliveryFailure.receiver("not a url")).isEqualTo("the webhook");
    }

    private static String describe(Throwable failure, String url) {
        return DeliveryFailure.describe(failure, DeliveryFailure.receiver(url), CONNECT, REQUEST);
    }

    private static Throwable send(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return catchThrowable(() -> http.send(request, HttpResponse.BodyHandlers.discarding()));
    }
}
