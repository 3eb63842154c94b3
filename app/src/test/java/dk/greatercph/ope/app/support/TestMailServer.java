package dk.greatercph.ope.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One SMTP server (GreenMail) per test JVM, on a free port, that every application context of the tests sends its
 * notifications to: registered as an environment post-processor for the test classpath, it starts the server and
 * sets {@code spring.mail.host}/{@code port} as defaults, together with the notification settings the tests need —
 * the loopback receiver 127.0.0.1 allowed for webhooks (and nothing else internal), and short polling and retry
 * times so that a delivery that gives up does so within seconds. The shared context's own properties stay as they
 * are, so it is still one cached context.
 */
public final class TestMailServer implements EnvironmentPostProcessor {

    private static GreenMail server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        GreenMail mail = start();
        DefaultPropertiesPropertySource.addOrMerge(Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.getSmtp().getPort()),
                "ope.notifications.webhooks.allowed-addresses", "127.0.0.1",
                "ope.notifications.poll-interval", "100ms",
                "ope.notifications.retry-initial", "100ms",
                "ope.notifications.retry-max", "400ms",
                "ope.notifications.retry-window", "2s",
                "ope.notifications.request-timeout", "2s",
                "ope.notifications.connect-timeout", "1s"), environment.getPropertySources());
    }

    /** The JVM's SMTP server, started on first use. */
    public static synchronized GreenMail start() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            server = mail;
        }
        return server;
    }

    /** Every message received so far that has {@code address} among its recipients. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(start().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
