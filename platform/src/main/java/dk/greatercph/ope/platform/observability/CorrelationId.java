package dk.greatercph.ope.platform.observability;

import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.messaging.Message;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request to every log line and every message it causes: taken from the caller's
 * {@code X-Correlation-Id} when well-formed, otherwise generated; answered in the response, put in the logging MDC,
 * and carried in Axon's {@code traceId} metadata from the first command to every event, deadline and command that
 * follows from it.
 */
public final class CorrelationId {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-Id";
    /** The MDC key, and so the field of every JSON log line written while the request or message is handled. */
    public static final String MDC_KEY = "correlationId";

    /** Letters, digits and {@code . _ : -}, starting with a letter or digit, at most 64 characters. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private CorrelationId() {
    }

    /** The caller's id if it is well-formed (a UUID, a W3C trace id, a short token), else a new random one. */
    static String fromHeader(String header) {
        return isWellFormed(header) ? header : generate();
    }

    static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The correlation id a message carries: its trace id, or, for the first message of a chain, its own id. */
    static String of(Message<?> message) {
        Object traceId = message.getMetaData().get(ActorMetadata.TRACE_ID);
        return traceId instanceof String id && !id.isBlank() ? id : message.getIdentifier();
    }
}
