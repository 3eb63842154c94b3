package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client address holds at most so many requests in progress: connections that post the sign-in form a byte at a
 * time each hold a request thread, and a few hundred of them stopped the application answering anyone. Past the
 * limit that address is answered 429 at once; other addresses are answered as usual. (The suite trusts the loopback
 * proxy's X-Forwarded-For, so each request here names its client address.)
 */
@OpeIntegrationTest
class RequestsPerAddressTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Value("${ope.http.max-requests-per-address:64}")
    int limit;

    @Test
    void anAddressWhoseRequestsHoldTheirThreadsIsAnswered429AndOthersAreServed() throws Exception {
        String slow = "203.0.113.71";
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                held.add(postingSlowly(slow));
            }
            // a probe that comes in before the last slow post is counted takes its place, and that post is the one
            // refused: one more slow post then fills the allowance again
            HttpResponse<String> refused = awaitStatus(slow, 429, Duration.ofSeconds(5));
            for (int extra = 0; extra < 3 && refused.statusCode() != 429; extra++) {
                held.add(postingSlowly(slow));
                refused = awaitStatus(slow, 429, Duration.ofSeconds(5));
            }
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");

            HttpResponse<String> other = health("203.0.113.72");
            assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertThat(awaitStatus(slow, 200, Duration.ofSeconds(15)).statusCode())
                .as("once its connections are gone, the address is served again").isEqualTo(200);
    }

    /** A connection posting the sign-in form from {@code address}, of which one byte is sent. */
    private Socket postingSlowly(String address) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        // the form's body is read by the CSRF filter before anyone is signed in
        out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + address
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nu")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private HttpResponse<String> awaitStatus(String address, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> answer = health(address);
        while (answer.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = health(address);
        }
        return answer;
    }

    private HttpResponse<String> health(String address) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("X-Forwarded-For", address).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
