package dk.greatercph.ope.events.person;

import java.util.Objects;
import java.util.UUID;

/** Identifies a data subject: a delegation member, a contact or a trip participant. */
public record PersonId(String value) {

    /**
     * The only shape the system issues: {@code PER-} and a lower-case UUID. Checked where a client refers to a
     * person, not here, so that ids already in the log always read back.
     */
    public static final String FORMAT = "PER-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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
