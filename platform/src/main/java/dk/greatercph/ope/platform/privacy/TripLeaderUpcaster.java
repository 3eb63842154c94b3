package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads a {@code TripPlannedEvent} of revision 1, whose {@code leader} is a name in clear, as revision 2, whose
 * leader is sealed (R9). The leader of such a trip becomes a data subject with an id derived from the trip id,
 * so that every read finds the same person: its key seals the name on the way in, erasing it makes the name read
 * as erased from then on, and right of access finds it. The key is created and committed on its own before the
 * sealed name leaves the upcaster: Axon reads an event once and hands the same upcast message to every processor
 * tailing the store, each in its own transaction, and a key still uncommitted in the reading transaction (or
 * rolled back with it) would make the name read as erased everywhere else. The stored bytes are not changed (the
 * log is append-only and hash-chained); the audit log and its export, which show stored payloads, read such a leader
 * through {@link #openRevision1} and so show it as erased too.
 */
public class TripLeaderUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TripPlannedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TripPlannedEvent.class.getName(), "2");

    private final PersonalData personalData;

    public TripLeaderUpcaster(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The person a revision-1 trip's leader is recorded as. */
    public static PersonId legacyLeader(String tripId) {
        return new PersonId("PER-" + UUID.nameUUIDFromBytes(("trip-leader:" + tripId).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@link #openRevision1} may show a payload of this type and revision otherwise than as stored. */
    public static boolean opensRevision1(String payloadType, String revision) {
        return REVISION_1.getName().equals(payloadType) && REVISION_1.getRevision().equals(revision);
    }

    /**
     * A stored payload as the audit log shows it: for a revision-1 trip, the leader's clear name is replaced by
     * what opening a sealed name gives, the name or {@link PersonalData#ERASED}; any other payload as it is.
     */
    public static JsonNode openRevision1(String payloadType, String revision, JsonNode payload,
                                         PersonalData personalData) {
        if (!opensRevision1(payloadType, revision) || !(payload instanceof ObjectNode stored)
                || !stored.path("leader").isString()) {
            return payload;
        }
        JsonNode trip = stored.path("tripId");
        PersonId person = legacyLeader(trip.isObject() ? trip.path("value").asString() : trip.asString());
        ObjectNode shown = stored.deepCopy();
        if (personalData.isErased(person)) {
            shown.put("leader", PersonalData.ERASED);
        } else {
            PersonalDataReads.opened(person);
        }
        return shown;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, this::sealLeader);
    }

    private ObjectNode sealLeader(ObjectNode revision1) {
        ObjectNode revision2 = revision1.deepCopy();
        JsonNode leader = revision1.get("leader");
        if (leader == null || leader.isNull()) {
            return revision2;
        }
        JsonNode trip = revision1.path("tripId");
        PersonId person = legacyLeader(trip.isObject() ? trip.path("value").asString() : trip.asString());
        SealedText sealed = personalData.sealWithCommittedKey(person, leader.asString())
                .orElseGet(() -> new SealedText(person, ""));
        ObjectNode value = revision2.putObject("leader");
        value.putObject("personId").put("value", person.value());
        value.put("sealed", sealed.sealed());
        return revision2;
    }
}
