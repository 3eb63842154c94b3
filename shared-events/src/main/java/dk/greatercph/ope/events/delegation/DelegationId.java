package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.TimeOrderedUuid;

import java.util.Objects;

/**
 * Identifies one incoming delegation request, unique across the whole event store. A new one is a time-ordered UUID
 * ({@link TimeOrderedUuid}): the delegation's rows, its events' entries in the event table's key among them, go beside
 * those of the delegations registered just before it. Ids made before stay as they are (random UUIDs), and so do those
 * an import derives from its file.
 */
public record DelegationId(String value) {

    public DelegationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a delegation id cannot be blank");
        }
    }

    public static DelegationId newId() {
        return new DelegationId("DEL-" + TimeOrderedUuid.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
