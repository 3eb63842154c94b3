package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Reads a {@code ParticipantAddedEvent} of revision 1 as revision 2. Revision 1 was stored in two shapes: the first
 * release wrote the participant's {@code name} and {@code title} in clear and had no {@code personId}; a later one
 * wrote today's shape (person id, sealed name and title) without raising the revision. The clear shape becomes a
 * participant with a person id derived from the trip and participant ids, so that every read finds the same person,
 * whose committed key seals name and title (R9); the sealed shape is already revision 2. As for
 * {@link TripLeaderUpcaster}, the stored bytes are never changed, and the audit log, which shows stored payloads,
 * reads a clear-shape participant through {@link #openRevision1}.
 */
public class ParticipantUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ParticipantAddedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ParticipantAddedEvent.class.getName(), "2");

    private final PersonalData personalData;

    public ParticipantUpcaster(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The person a participant recorded in clear (the first shape of revision 1) is recorded as. */
    public static PersonId legacyParticipant(String tripId, String participantId) {
        String name = "trip-participant:" + tripId + "/" + participantId;
        return new PersonId("PER-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@link #openRevision1} may show a payload of this type and revision otherwise than as stored. */
    public static boolean opensRevision1(String payloadType, String revision) {
        return REVISION_1.getName().equals(payloadType) && REVISION_1.getRevision().equals(revision);
    }

    /**
     * A stored payload as the audit log shows it: for a participant stored in clear, name and title are replaced
     * by what opening them sealed gives, the values or {@link PersonalData#ERASED}; any other payload as it is.
     */
    public static JsonNode openRevision1(String payloadType, String revision, JsonNode payload,
                                         PersonalData personalData) {
        if (!opensRevision1(payloadType, revision) || !(payload instanceof ObjectNode stored) || !inClear(stored)) {
            return payload;
        }
        PersonId person = personOf(stored);
        ObjectNode shown = stored.deepCopy();
        if (personalData.isErased(person)) {
            shown.put("name", PersonalData.ERASED);
            if (stored.path("title").isString()) {
                shown.put("title", PersonalData.ERASED);
            }
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
        return representation.upcastPayload(REVISION_2, ObjectNode.class, this::sealNameAndTitle);
    }

    private ObjectNode sealNameAndTitle(ObjectNode revision1) {
        if (!inClear(revision1)) {
            return revision1;
        }
        ObjectNode revision2 = revision1.deepCopy();
        PersonId person = personOf(revision1);
        revision2.putObject("personId").put("value", person.value());
        seal(revision2, "name", person, revision1.get("name"));
        seal(revision2, "title", person, revision1.get("title"));
        return revision2;
    }

    private void seal(ObjectNode revision2, String field, PersonId person, JsonNode clear) {
        if (clear == null || clear.isNull()) {
            revision2.putNull(field);
            return;
        }
        SealedText sealed = personalData.sealWithCommittedKey(person, clear.asString())
                .orElseGet(() -> new SealedText(person, ""));
        ObjectNode value = revision2.putObject(field);
        value.putObject("personId").put("value", person.value());
        value.put("sealed", sealed.sealed());
    }

    /** The first shape of revision 1: the name is a string, not a sealed value. */
    private static boolean inClear(ObjectNode stored) {
        return stored.path("name").isString();
    }

    private static PersonId personOf(ObjectNode stored) {
        JsonNode trip = stored.path("tripId");
        return legacyParticipant(trip.isObject() ? trip.path("value").asString() : trip.asString(),
                stored.path("participantId").asString());
    }
}
