package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Reads a {@code ProgrammeItemAddedEvent} or {@code ProgrammeItemChangedEvent} of revision 1, written while rule R3
 * followed the host alone, as revision 2 with {@code venueIsHospital} false: nothing was recorded then of the
 * venue's kind. The stored bytes are not changed (the log is append-only and hash-chained).
 */
public class ProgrammeItemUpcaster extends SingleEventUpcaster {

    private static final Map<SimpleSerializedType, SimpleSerializedType> NEXT = Map.of(
            new SimpleSerializedType(ProgrammeItemAddedEvent.class.getName(), "1"),
            new SimpleSerializedType(ProgrammeItemAddedEvent.class.getName(), "2"),
            new SimpleSerializedType(ProgrammeItemChangedEvent.class.getName(), "1"),
            new SimpleSerializedType(ProgrammeItemChangedEvent.class.getName(), "2"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return NEXT.containsKey(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NEXT.get(representation.getType()), ObjectNode.class, revision1 -> {
            ObjectNode revision2 = revision1.deepCopy();
            revision2.put("venueIsHospital", false);
            return revision2;
        });
    }
}
