package dk.greatercph.ope.command.routing;

import dk.greatercph.ope.events.delegation.AssignmentRole;
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
 * Rule R1 applied to a delegation's themes, by the rule set {@value #RULES} over the routing table's version:
 * <ol>
 *   <li>a political delegation, or one whose themes include {@link Theme#POLITICAL_DIALOGUE}, is led by the operator
 *   taking political dialogue (the Region's administration);</li>
 *   <li>otherwise the operator taking most of the themes leads; a tie goes to the operator of the theme that comes
 *   first in {@link Theme}'s order, then to the lowest operator id;</li>
 *   <li>every other operator taking one of the themes supports.</li>
 * </ol>
 * The reason names the rule set, the table's version and which operator took which theme, so that an auditor can
 * see why. (Rule set {@code R1.1}, before political delegations were led by the Region, had rules 2 and 3 only.)
 */
public record RoutingDecision(OperatorId lead, List<OperatorId> supporting, long routingVersion, String reason) {

    /** The rule set this class decides by; every routing reason names it. */
    public static final String RULES = "R1.2";

    public static Optional<RoutingDecision> decide(RoutingTable.Snapshot table, List<Theme> themes,
                                                   boolean politicalDelegation) {
        Map<OperatorId, List<Theme>> taken = new LinkedHashMap<>();
        for (Theme theme : themes.stream().sorted().toList()) {
            operatorsTaking(table, theme)
                    .forEach(operator -> taken.computeIfAbsent(operator, o -> new ArrayList<>()).add(theme));
        }
        boolean political = politicalDelegation || themes.contains(Theme.POLITICAL_DIALOGUE);
        Optional<OperatorId> politicalLead = political
                ? operatorsTaking(table, Theme.POLITICAL_DIALOGUE).stream().findFirst() : Optional.empty();
        if (taken.isEmpty() && politicalLead.isEmpty()) {
            return Optional.empty();
        }
        OperatorId lead = politicalLead.orElseGet(() -> taken.entrySet().stream()
                .max(Comparator.<Map.Entry<OperatorId, List<Theme>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(e -> firstIndex(taken, e.getKey()), Comparator.reverseOrder()))
                .orElseThrow().getKey());
        List<OperatorId> supporting = taken.keySet().stream().filter(o -> !o.equals(lead)).toList();
        String reason = "R1 routing table v" + table.version() + ", rules " + RULES + ": "
                + (politicalLead.isPresent() ? "political delegation -> led by " + lead + "; " : "")
                + taken.entrySet().stream()
                .map(e -> e.getValue().stream().map(Theme::name).collect(Collectors.joining("+")) + " -> " + e.getKey())
                .collect(Collectors.joining("; "));
        return Optional.of(new RoutingDecision(lead, supporting, table.version(), reason));
    }

    /** The role this decision gives {@code operator}, or null when it leaves the operator out. */
    public AssignmentRole role(OperatorId operator) {
        return operator.equals(lead) ? AssignmentRole.LEAD
                : supporting.contains(operator) ? AssignmentRole.SUPPORTING : null;
    }

    private static List<OperatorId> operatorsTaking(RoutingTable.Snapshot table, Theme theme) {
        return table.themesByOperator().entrySet().stream()
                .filter(entry -> entry.getValue().contains(theme))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(OperatorId::value))
                .toList();
    }

    private static int firstIndex(Map<OperatorId, List<Theme>> taken, OperatorId operator) {
        return new ArrayList<>(taken.keySet()).indexOf(operator);
    }
}
