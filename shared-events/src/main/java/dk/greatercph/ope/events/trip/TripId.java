package dk.greatercph.ope.events.trip;

import java.util.Objects;
import java.util.UUID;

/** Identifies an outgoing political trip. */
public record TripId(String value) {

    public TripId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a trip id cannot be blank");
        }
    }

    public static TripId newId() {
        return new TripId("TRP-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
