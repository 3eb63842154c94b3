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
 * command answered 403) gets its answer and its connection is closed. Tomcat would otherwise keep the connection's
 * thread reading the rest of the body to throw it away, one read timeout after another: a few hundred anonymous
 * connections that declare a body and send a byte of it took every request thread, and the application stopped
 * answering anyone.
 */
public class RefusedBodyValve extends ValveBase {

    public RefusedBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (response.getStatus() >= 400 && !request.isAsync() && bodyLeftUnread(request)) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static boolean bodyLeftUnread(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return !fullyRead.get();
    }
}
