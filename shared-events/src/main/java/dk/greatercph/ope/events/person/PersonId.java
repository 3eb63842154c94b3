package dk.greatercph.ope.events.person;

import java.util.Objects;
import java.util.UUID;

/** Identifies a data subject: a delegation member, a contact or a trip participant. */
public record PersonId(String value) {

    public PersonId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a person id cannot be blank");
        }
    }

    public static PersonId newId() {
        return new PersonId("PER-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
