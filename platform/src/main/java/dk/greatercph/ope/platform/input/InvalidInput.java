package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.ProblemCode;

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
}
