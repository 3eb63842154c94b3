package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 (too many failed sign-ins) as problem details, like every other error. */
final class ProblemResponses {

    private final ProblemWriter writer;
    private final String challenge;

    ProblemResponses(ProblemWriter writer, String challenge) {
        this.writer = writer;
        this.challenge = challenge;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            if (exception instanceof TooManyAttempts tooMany) {
                response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
                writer.write(response, request.getRequestURI(), SecurityProblem.TOO_MANY_ATTEMPTS,
                        "Too many failed sign-in attempts for this user name or from this address; "
                                + "try again after the time in Retry-After.");
                return;
            }
            response.setHeader("WWW-Authenticate", challenge);
            writer.write(response, request.getRequestURI(), SecurityProblem.UNAUTHENTICATED,
                    "Valid credentials are required.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> writer.write(response, request.getRequestURI(),
                SecurityProblem.FORBIDDEN, "Your role may not do this.");
    }
}
