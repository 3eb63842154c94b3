package dk.greatercph.ope.events.delegation;

import java.util.Objects;
import java.util.UUID;

/** Identifies one incoming delegation request, unique across the whole event store. */
public record DelegationId(String value) {

    public DelegationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a delegation id cannot be blank");
        }
    }

    public static DelegationId newId() {
        return new DelegationId("DEL-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
