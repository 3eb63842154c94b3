package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.ProblemCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad input found at the edge, before any command: a 400 problem with {@code code} that names the field or
 * parameter.
 */
public class InvalidInput extends RuntimeException {

    /** How Tomcat names the parameter it could not decode. */
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})]");

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

    /**
     * The refusal of a query string (or form body) that is not percent-encoded UTF-8, naming the parameter Tomcat
     * names in {@code undecodable} (its {@code InvalidParameterException}, thrown by the first {@code getParameter}
     * of the request, wherever that is).
     */
    public static InvalidInput undecodableParameter(IllegalStateException undecodable) {
        Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(undecodable.getMessage()));
        return new InvalidInput(InputProblem.INVALID_TEXT, name.find() ? name.group(1) : "query",
                "is not percent-encoded UTF-8");
    }
}
