package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.delegation.RequestHistory;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** R8's lookup for fixture tests: answers with the earlier requests it was told about. */
public class InMemoryRequestHistory implements RequestHistory {

    private final Map<DelegationId, List<DelegationId>> repeats = new HashMap<>();

    public void knowsThat(DelegationId delegation, DelegationId... earlier) {
        repeats.put(delegation, List.of(earlier));
    }

    @Override
    public void record(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received,
                       Instant registeredAt) {
        repeats.putIfAbsent(delegation, new ArrayList<>());
    }

    @Override
    public void expanded(DelegationId delegation, List<Theme> themes) {
        // the fake names repeats as a test sets them, not by themes
    }

    @Override
    public void corrected(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received) {
        // as expanded: the fake's repeats are set by the test
    }

    @Override
    public List<DelegationId> repeatedBy(DelegationId delegation) {
        return repeats.getOrDefault(delegation, List.of());
    }
}
