package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@code DelegationCompletedEvent} of revision 1, written before operators reported figures, as revision 2:
 * its outcome reports no companies established, no jobs, no tourists and no overnight stays (each 0). The stored
 * bytes are not changed (the log is append-only and hash-chained).
 */
public class DelegationCompletedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(DelegationCompletedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(DelegationCompletedEvent.class.getName(), "2");

    private static final String[] FIGURES = {"companiesEstablished", "jobsCreated", "tourists", "overnightStays"};

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, revision1 -> {
            ObjectNode revision2 = revision1.deepCopy();
            JsonNode outcome = revision2.get("outcome");
            if (outcome instanceof ObjectNode figures) {
                for (String figure : FIGURES) {
                    figures.put(figure, 0);
                }
            }
            return revision2;
        });
    }
}
