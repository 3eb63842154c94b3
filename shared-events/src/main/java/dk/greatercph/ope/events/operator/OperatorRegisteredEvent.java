package dk.greatercph.ope.events.operator;

import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An operator joined One-Point-Entry, taking the given themes. The routing table of rule R1 changed with it
 * and is now at {@code routingVersion}.
 */
@Revision("1")
public record OperatorRegisteredEvent(OperatorId operatorId, String name, List<Theme> themes, long routingVersion) {

    public OperatorRegisteredEvent {
        themes = List.copyOf(themes);
    }
}
