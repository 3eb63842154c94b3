package dk.greatercph.ope.events.reference;

import java.util.Objects;
import java.util.UUID;

/** Identifies a venue where programme items take place. */
public record VenueId(String value) {

    public VenueId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a venue id cannot be blank");
        }
    }

    public static VenueId newId() {
        return new VenueId("VEN-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
