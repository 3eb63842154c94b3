package dk.greatercph.ope.app.security;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A request refused before its body was read is answered and its connection closed, instead of a request thread
 * waiting for the rest of a body nobody will read: a few hundred anonymous connections that declared a body and
 * sent one byte of it took every request thread.
 */
@OpeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedBodyTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} as {1}, {2} bytes declared")
    @CsvSource({"/api/delegations, anonymous, 60000, 401", "/api/delegations, auditor, 60000, 403",
            "/login, anonymous, 60000, 403", "/api/delegations, desk, 10000000, 413"})
    void aRefusedRequestWhoseBodyHasNotArrivedIsAnsweredAndItsConnectionClosed(String path, String caller,
                                                                               long length, int status)
            throws IOException {
        String credentials = caller.equals("anonymous") ? "" : "Authorization: Basic "
                + Base64.getEncoder().encodeToString((caller + ":" + caller).getBytes(StandardCharsets.UTF_8))
                + "\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            // well inside Tomcat's own read timeout, which a thread waiting for the body would wait out
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + credentials
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = readToTheEnd(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        }
    }

    /**
     * Headers over Tomcat's 8 kB, the body sent in a write of its own (as Python's http.client sends it): the 400 was
     * right, but the check whether the body had arrived threw "Request header is too large", which Tomcat logged at
     * ERROR with its stack trace, for any anonymous caller, as often as asked.
     */
    @Test
    void headersTooLargeAreAnsweredWithoutAnErrorLogged(CapturedOutput output) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(15_000);
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                // the length before the header that overflows, so that Tomcat has read it
                out.write(("POST /api/delegations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 8\r\nIdempotency-Key: " + "x".repeat(10_000) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                try {
                    out.write("{\"a\": 1}".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (java.net.SocketException closed) {
                    // answered and closed before the body was sent
                }
                assertThat(readToTheEnd(socket.getInputStream())).startsWith("HTTP/1.1 400 ");
            }
        }
        assertThat(output.getAll().lines().filter(line -> line.contains("\"level\":\"ERROR\""))
                .filter(line -> line.contains("Request header is too large"))).isEmpty();
    }

    /** Everything until the server closes the connection; failing if it keeps it open. */
    private static String readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException open) {
            fail("the connection was kept open after the answer: " + bytes.toString(StandardCharsets.UTF_8));
        } catch (java.net.SocketException reset) {
            // closed with the body's bytes unread: the answer has arrived
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
