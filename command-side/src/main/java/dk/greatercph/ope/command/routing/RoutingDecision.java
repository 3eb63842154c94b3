package dk.greatercph.ope.command.routing;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule R1 applied to a delegation's themes: the operator taking most of the themes leads (ties go to the
 * operator of the first theme, then by id), every other operator taking one of the themes supports. The
 * reason names the routing table's version and which operator took which theme, so that an auditor can see
 * why.
 */
public record RoutingDecision(OperatorId lead, List<OperatorId> supporting, long routingVersion, String reason) {

    public static Optional<RoutingDecision> decide(RoutingTable.Snapshot table, List<Theme> themes) {
        Map<OperatorId, List<Theme>> taken = new LinkedHashMap<>();
        for (Theme theme : themes.stream().sorted().toList()) {
            table.themesByOperator().entrySet().stream()
                    .filter(entry -> entry.getValue().contains(theme))
                    .map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(OperatorId::value))
                    .forEach(operator -> taken.computeIfAbsent(operator, o -> new ArrayList<>()).add(theme));
        }
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        OperatorId lead = taken.entrySet().stream()
                .max(Comparator.<Map.Entry<OperatorId, List<Theme>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(e -> firstIndex(taken, e.getKey()), Comparator.reverseOrder()))
                .orElseThrow().getKey();
        List<OperatorId> supporting = taken.keySet().stream().filter(o -> !o.equals(lead)).toList();
        String reason = "R1 routing table v" + table.version() + ": " + taken.entrySet().stream()
                .map(e -> e.getValue().stream().map(Theme::name).collect(Collectors.joining("+")) + " -> " + e.getKey())
                .collect(Collectors.joining("; "));
        return Optional.of(new RoutingDecision(lead, supporting, table.version(), reason));
    }

    private static int firstIndex(Map<OperatorId, List<Theme>> taken, OperatorId operator) {
        return new ArrayList<>(taken.keySet()).indexOf(operator);
    }
}
