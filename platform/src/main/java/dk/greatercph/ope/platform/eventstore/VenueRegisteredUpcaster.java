package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code VenueRegisteredEvent} of revision 1, written before venues had a kind, as revision 2 with kind
 * {@link VenueKind#OTHER}: nothing was recorded of what such a place is. The stored bytes are not changed.
 */
public class VenueRegisteredUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(VenueRegisteredEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(VenueRegisteredEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, revision1 -> {
            ObjectNode revision2 = revision1.deepCopy();
            revision2.put("kind", VenueKind.OTHER.name());
            return revision2;
        });
    }
}
