package dk.greatercph.ope.events.operator;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies an operator by its short code, e.g. {@code clean} or {@code copcap}. */
public record OperatorId(String value) {

    /**
     * Compiled once: every event that names an operator is checked again when a projection reads it, and compiling the
     * pattern at each check was 4 % of a board replay's samples.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public OperatorId {
        Objects.requireNonNull(value, "value");
        if (!WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException("an operator id is 2-32 lower-case letters, digits or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
