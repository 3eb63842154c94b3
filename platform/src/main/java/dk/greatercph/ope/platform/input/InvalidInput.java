package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * Bad input found at the edge, before any command: a 400 problem with {@code code} that names the field or
 * parameter.
 */
public class InvalidInput extends RuntimeException {

    private final ProblemCode code;
    private final String field;

    public InvalidInput(ProblemCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public ProblemCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** The problem document it is answered with: its code, a detail naming the field, and the field in errors. */
    public ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()),
                "'" + field + "' " + getMessage() + ".");
        problem.setProperty("code", code.name());
        problem.setProperty("errors", List.of(Map.of("field", field,
                "message", getMessage() == null ? "invalid" : getMessage())));
        return problem;
    }
}
