package dk.greatercph.ope.platform.input;

/**
 * Bad input found at the edge, before any command: a 400 problem with {@code code} that names the field or
 * parameter.
 */
public class InvalidInput extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidInput(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
