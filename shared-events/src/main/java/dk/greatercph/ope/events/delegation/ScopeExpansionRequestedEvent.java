package dk.greatercph.ope.events.delegation;

import org.axonframework.serialization.Revision;

import java.util.List;

/** R4: more themes were asked for after routing; the desk decides. */
@Revision("1")
public record ScopeExpansionRequestedEvent(
        DelegationId delegationId,
        String requestId,
        List<Theme> themes,
        String reason) {
}
