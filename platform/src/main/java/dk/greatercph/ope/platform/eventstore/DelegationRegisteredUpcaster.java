package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.platform.time.OpeTime;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * Reads a {@code DelegationRegisteredEvent} of revision 1, written before the desk recorded a country of origin
 * and a date received, as revision 2: every such request came from China ({@code CN}, the only country the desk
 * recorded then) and counts as received on the day it was registered, in Copenhagen. The stored bytes are not
 * changed (the log is append-only and hash-chained).
 */
public class DelegationRegisteredUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(DelegationRegisteredEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(DelegationRegisteredEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        LocalDate registeredOn = LocalDate.ofInstant(representation.getTimestamp(), OpeTime.COPENHAGEN);
        return representation.upcastPayload(REVISION_2, ObjectNode.class, revision1 -> {
            ObjectNode revision2 = revision1.deepCopy();
            revision2.put("country", "CN");
            revision2.put("dateReceived", registeredOn.toString());
            return revision2;
        });
    }
}
