package dk.greatercph.ope.events.operator;

import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.serialization.Revision;

import java.util.List;

/** An operator now takes exactly these themes; the routing table of rule R1 is now at {@code routingVersion}. */
@Revision("1")
public record OperatorThemesChangedEvent(OperatorId operatorId, List<Theme> themes, List<Theme> previousThemes,
                                         long routingVersion) {

    public OperatorThemesChangedEvent {
        themes = List.copyOf(themes);
        previousThemes = List.copyOf(previousThemes);
    }
}
