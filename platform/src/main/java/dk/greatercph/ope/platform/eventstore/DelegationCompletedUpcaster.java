package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an older {@code DelegationCompletedEvent} as revision 3. The stored bytes are not changed (the log is
 * append-only and hash-chained).
 * <ul>
 * <li>Revision 1, written before operators reported figures: its outcome reports no companies established, no jobs,
 * no tourists and no overnight stays (each 0), as revision 2 read it.</li>
 * <li>Revision 2 recorded a figure not reported as 0; revision 3 leaves it out. Which zeros of revision 2 were
 * typed and which were left blank cannot be told, so each figure reads as stored.</li>
 * </ul>
 */
public class DelegationCompletedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(DelegationCompletedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(DelegationCompletedEvent.class.getName(), "2");
    static final SimpleSerializedType REVISION_3 =
            new SimpleSerializedType(DelegationCompletedEvent.class.getName(), "3");

    private static final String[] FIGURES = {"companiesEstablished", "jobsCreated", "tourists", "overnightStays"};

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        if (REVISION_2.equals(representation.getType())) {
            return representation.upcastPayload(REVISION_3, ObjectNode.class, revision2 -> revision2);
        }
        return representation.upcastPayload(REVISION_3, ObjectNode.class, revision1 -> {
            ObjectNode revision3 = revision1.deepCopy();
            JsonNode outcome = revision3.get("outcome");
            if (outcome instanceof ObjectNode figures) {
                for (String figure : FIGURES) {
                    figures.put(figure, 0);
                }
            }
            return revision3;
        });
    }
}
