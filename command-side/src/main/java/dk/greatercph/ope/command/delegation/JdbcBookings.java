package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeReopenedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R6's lookup table; checks and bookings are serialised by a lock so two confirmations cannot both win. A
 * confirmation books the programme's items as they stand; a cancellation or the desk's withdrawal frees them.
 */
@Component
class JdbcBookings implements Bookings, RebuildableLookup {

    /** "BOOKING" in ASCII. */
    private static final long BOOKING_LOCK = 0x424F4F4B494E47L;

    private final JdbcClient jdbc;

    JdbcBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> bookAll(DelegationId delegation, List<Booking> items) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", BOOKING_LOCK).query((rs, n) -> 0).list();
        List<String> conflicts = new ArrayList<>();
        for (Booking item : items) {
            if (taken(delegation, "VENUE", item.venue() == null ? null : item.venue().value(), item)
                    || taken(delegation, "HOST", item.host() == null ? null : item.host().value(), item)) {
                conflicts.add(item.itemId());
            }
        }
        if (!conflicts.isEmpty()) {
            return conflicts;
        }
        for (Booking item : items) {
            insert(delegation, "VENUE", item.venue() == null ? null : item.venue().value(), item);
            insert(delegation, "HOST", item.host() == null ? null : item.host().value(), item);
        }
        return List.of();
    }

    @Override
    public void release(DelegationId delegation) {
        jdbc.sql("DELETE FROM programme_booking WHERE delegation_id = :id").param("id", delegation.value()).update();
    }

    @Override
    public List<String> tables() {
        return List.of("programme_booking");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM programme_booking").update();
        Map<DelegationId, Map<String, Booking>> programmes = new HashMap<>();
        return (payload, at) -> {
            if (payload instanceof ProgrammeItemAddedEvent added) {
                programmes.computeIfAbsent(added.delegationId(), id -> new LinkedHashMap<>()).put(added.itemId(),
                        new Booking(added.itemId(), added.venueId(), added.hostId(), added.startsAt(), added.endsAt()));
            } else if (payload instanceof ProgrammeItemChangedEvent changed) {
                programmes.computeIfAbsent(changed.delegationId(), id -> new LinkedHashMap<>()).put(changed.itemId(),
                        new Booking(changed.itemId(), changed.venueId(), changed.hostId(), changed.startsAt(),
                                changed.endsAt()));
            } else if (payload instanceof ProgrammeItemRemovedEvent removed) {
                programmes.getOrDefault(removed.delegationId(), new HashMap<>()).remove(removed.itemId());
            } else if (payload instanceof DelegationConfirmedEvent confirmed) {
                for (Booking item : programmes.getOrDefault(confirmed.delegationId(), Map.of()).values()) {
                    insert(confirmed.delegationId(), "VENUE", item.venue() == null ? null : item.venue().value(), item);
                    insert(confirmed.delegationId(), "HOST", item.host() == null ? null : item.host().value(), item);
                }
            } else if (payload instanceof ProgrammeReopenedEvent reopened) {
                release(reopened.delegationId());
            } else if (payload instanceof DelegationCancelledEvent cancelled) {
                release(cancelled.delegationId());
            } else if (payload instanceof DelegationWithdrawnEvent withdrawn) {
                release(withdrawn.delegationId());
            }
        };
    }

    private boolean taken(DelegationId delegation, String kind, String resource, Booking item) {
        if (resource == null) {
            return false;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM programme_booking
                        WHERE resource_kind = :kind AND resource_id = :resource AND delegation_id <> :delegation
                          AND starts_at < :endsAt AND ends_at > :startsAt
                        """)
                .param("kind", kind).param("resource", resource).param("delegation", delegation.value())
                .param("startsAt", Timestamp.from(item.startsAt())).param("endsAt", Timestamp.from(item.endsAt()))
                .query(Long.class).single() > 0;
    }

    private void insert(DelegationId delegation, String kind, String resource, Booking item) {
        if (resource == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO programme_booking (delegation_id, item_id, resource_kind, resource_id, starts_at, ends_at)
                        VALUES (:delegation, :item, :kind, :resource, :startsAt, :endsAt)
                        ON CONFLICT (item_id, resource_kind) DO UPDATE SET resource_id = EXCLUDED.resource_id,
                            starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at
                        """)
                .param("delegation", delegation.value()).param("item", item.itemId()).param("kind", kind)
                .param("resource", resource).param("startsAt", Timestamp.from(item.startsAt()))
                .param("endsAt", Timestamp.from(item.endsAt())).update();
    }
}
