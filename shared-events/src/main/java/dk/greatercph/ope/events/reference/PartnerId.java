package dk.greatercph.ope.events.reference;

import java.util.Objects;
import java.util.UUID;

/** Identifies a partner (a possible host of programme items). */
public record PartnerId(String value) {

    public PartnerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a partner id cannot be blank");
        }
    }

    public static PartnerId newId() {
        return new PartnerId("PRT-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
