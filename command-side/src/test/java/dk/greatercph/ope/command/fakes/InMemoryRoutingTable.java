package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The routing table for fixture tests: the same contract as the JDBC one, held in memory. */
public class InMemoryRoutingTable implements RoutingTable {

    private final Map<OperatorId, List<Theme>> rules = new LinkedHashMap<>();
    private long version;

    public InMemoryRoutingTable(long startVersion) {
        this.version = startVersion;
    }

    @Override
    public long record(OperatorId operator, List<Theme> themes) {
        rules.put(operator, List.copyOf(themes));
        return ++version;
    }

    @Override
    public Snapshot current() {
        return new Snapshot(version, rules);
    }
}
