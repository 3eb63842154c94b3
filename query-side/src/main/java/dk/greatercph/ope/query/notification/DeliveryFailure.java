package dk.greatercph.ope.query.notification;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * A failed delivery as an administrator reads it in the outbox: what kind of failure, and with which receiver.
 * <p>
 * Java's HTTP client reports a refused connection as {@link ConnectException}s without a message, down to a closed
 * channel, which the outbox showed as {@code ConnectException: null}. The text names the receiver by its host and port only; a webhook's path
 * and query may carry the receiver's own tokens.
 */
final class DeliveryFailure {

    private DeliveryFailure() {
    }

    /**
     * The outbox's text for a failed attempt.
     *
     * @param failure        what the attempt threw
     * @param receiver       whom the attempt reached for: {@link #receiver(String)} of a webhook's URL, or the mail
     *                       server
     * @param connectTimeout how long a connection may take
     * @param requestTimeout how long an answer may take
     */
    static String describe(Throwable failure, String receiver, Duration connectTimeout, Duration requestTimeout) {
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "no connection to " + receiver + " within " + seconds(connectTimeout);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return "no answer from " + receiver + " within " + seconds(requestTimeout);
        }
        if (find(failure, UnknownHostException.class) != null || find(failure, UnresolvedAddressException.class) != null) {
            return "the host of " + receiver + " is not known";
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "no route to " + receiver;
        }
        Throwable refused = find(failure, ConnectException.class);
        if (refused != null) {
            return "could not connect to " + receiver + reason(refused, " (%s)");
        }
        Throwable insecure = find(failure, SSLException.class);
        if (insecure != null) {
            return "no secure connection to " + receiver + reason(insecure, " (%s)");
        }
        return failure.getClass().getSimpleName() + " delivering to " + receiver + reason(failure, ": %s");
    }

    /** The failure or the first of its causes that is of the kind, or {@code null}. */
    private static Throwable find(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    /** A webhook URL's host and port, without its path and query. */
    static String receiver(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            }
        } catch (IllegalArgumentException notAUrl) {
            // refused before it is sent; named as the webhook
        }
        return "the webhook";
    }

    /** The first message along the chain of causes, put into the form; nothing if none has one. */
    private static String reason(Throwable failure, String form) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return form.formatted(cause.getMessage());
            }
        }
        return "";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
