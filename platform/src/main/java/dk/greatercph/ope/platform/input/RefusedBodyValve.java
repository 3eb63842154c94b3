package dk.greatercph.ope.platform.input;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request refused before its body was read (an anonymous upload answered 401, a body too large answered 413, a
 * command answered 403) gets its answer and its connection is closed, unless the rest of its body has already
 * arrived. Tomcat would otherwise keep the connection's thread reading the rest of the body to throw it away, one
 * read timeout after another: a few hundred anonymous connections that declare a body and send a byte of it took
 * every request thread, and the application stopped answering anyone. An answer not yet sent says
 * {@code Connection: close}, so that the client does not send its next request on a connection about to close.
 */
public class RefusedBodyValve extends ValveBase {

    public RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() >= 400 && !request.isAsync() && !bodyAtHand(request)) {
            if (!response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    /** Whether the body was read, or what is left of it has arrived and is read away without waiting. */
    private static boolean bodyAtHand(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        if (fullyRead.get()) {
            return true;
        }
        long length = request.getCoyoteRequest().getContentLengthLong();
        if (length < 0) {
            return false; // chunked: how much is left is not known
        }
        long left = length - request.getCoyoteRequest().getBytesRead();
        try {
            request.getCoyoteRequest().action(ActionCode.AVAILABLE, Boolean.TRUE);
        } catch (IllegalArgumentException unreadable) {
            // a request whose headers overflowed the buffer (answered 400) cannot read its body: the check threw
            // "Request header is too large", which Tomcat logged at ERROR with its stack for an anonymous request
            return false;
        }
        return request.getCoyoteRequest().getAvailable() >= left;
    }
}
