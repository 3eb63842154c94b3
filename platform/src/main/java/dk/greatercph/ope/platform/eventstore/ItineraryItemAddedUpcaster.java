package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an {@code ItineraryItemAddedEvent} of revision 1, written before itinerary items recorded their time zone,
 * as revision 2 in China Standard Time ({@code Asia/Shanghai}): every trip then went to China, and its local times
 * were China's. The stored bytes are not changed (the log is append-only and hash-chained).
 */
public class ItineraryItemAddedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ItineraryItemAddedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ItineraryItemAddedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, revision1 -> {
            ObjectNode revision2 = revision1.deepCopy();
            revision2.put("timeZone", ItineraryItemAddedEvent.CHINA_STANDARD_TIME);
            return revision2;
        });
    }
}
