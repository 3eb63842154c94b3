package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, like every other error. */
final class ProblemResponses {

    private final ProblemWriter writer;
    private final String challenge;

    ProblemResponses(ProblemWriter writer, String challenge) {
        this.writer = writer;
        this.challenge = challenge;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", challenge);
            writer.write(response, request.getRequestURI(), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Valid credentials are required.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> writer.write(response, request.getRequestURI(),
                HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
    }
}
