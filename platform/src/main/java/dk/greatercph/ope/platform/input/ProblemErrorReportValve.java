package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.security.SecurityHeaders;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request it refuses before any application code runs (a malformed request line or
 * header, an encoded slash or NUL in the path): a problem document instead of Tomcat's HTML page, with the
 * security headers, since no filter has run.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final SecurityHeaders headers;

    /** With the default security headers; Tomcat creates the valve this way if it must create one itself. */
    public ProblemErrorReportValve() {
        this(SecurityHeaders.defaults());
    }

    ProblemErrorReportValve(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status == 400 ? InputProblem.MALFORMED_REQUEST.name()
                : known == null ? "HTTP_" + status : known.name();
        String detail = status == 400
                ? "The request is not well-formed HTTP (request line, path encoding or headers)."
                : status >= 500 ? "The server could not handle the request." : title + ".";
        try {
            headers.writeHeaders(request, response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile; nothing more can be said
        }
    }
}
