package dk.greatercph.ope.command.routing;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The routing table of rule R1: which operator takes which themes, at which version. Every change of an
 * operator's themes is a new version, recorded in the same transaction as the event that names it.
 */
public interface RoutingTable {

    /** Records that {@code operator} now takes {@code themes}; returns the new version of the table. */
    long record(OperatorId operator, List<Theme> themes);

    /** Sets the time version {@code version} was recorded: the time of the event that names it. */
    default void recordedAt(long version, Instant at) {
    }

    /** The table as it stands now. */
    Snapshot current();

    /** The routing table at one version: each operator's themes. */
    record Snapshot(long version, Map<OperatorId, List<Theme>> themesByOperator) {

        public Snapshot {
            themesByOperator = Map.copyOf(themesByOperator);
        }
    }
}
