package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.GeneralProblem;
import dk.greatercph.ope.platform.problem.ProblemWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * The servlet container's error page: errors raised outside Spring MVC (a disallowed method such as TRACE, an
 * exception in a filter) answer a problem document like every other error. Called directly, it is not found.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        InvalidInput refused = UnreadableParameters.refusal(failure);
        if (refused != null) {
            // a filter (the CSRF filter reading a posted form's token) met parameters Tomcat could not read
            problems.write(response, ProblemWriter.safePath(path), refused.problem());
            return;
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Utf8Body.NotUtf8Exception notUtf8) {
                // a filter (the Idempotency-Key's, which reads the body first) met a body that is not UTF-8
                problems.write(response, ProblemWriter.safePath(path), HttpStatus.BAD_REQUEST,
                        InputProblem.MALFORMED_JSON.name(), notUtf8.getMessage());
                return;
            }
        }
        if (status.is5xxServerError()) {
            String incident = UUID.randomUUID().toString();
            log.error("Unexpected error outside the controllers, incident {}", incident, failure);
            problems.write(response, "/", status, GeneralProblem.INTERNAL_ERROR.name(),
                    "An unexpected error occurred; quote incident " + incident + " when reporting it.");
            return;
        }
        problems.write(response, ProblemWriter.safePath(path), status, status.name().toUpperCase(Locale.ROOT),
                status.getReasonPhrase() + ".");
    }
}
