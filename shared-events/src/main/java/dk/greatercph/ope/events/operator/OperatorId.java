package dk.greatercph.ope.events.operator;

import java.util.Objects;

/** Identifies an operator by its short code, e.g. {@code clean} or {@code copcap}. */
public record OperatorId(String value) {

    public OperatorId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[a-z][a-z0-9-]{1,31}")) {
            throw new IllegalArgumentException("an operator id is 2-32 lower-case letters, digits or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
