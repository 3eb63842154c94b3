package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.routing.RoutingDecision;
import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.problem.DomainProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;

/** Who a delegation is routed to (rule R1): the routing table's decision, or the desk's reasoned override. */
final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /**
     * The override the command names, checked against the table, or else the table's decision for the themes (a
     * political delegation led by the Region) among the operators that have not declined the delegation; empty when
     * none of them takes any of the themes. Routed again by the table after its lead declined, a delegation was
     * offered to the same operator again.
     */
    static Optional<RoutingDecision> decide(RouteDelegationCommand command, RoutingTable.Snapshot table,
                                            Set<Theme> themes, boolean political, Set<OperatorId> declined) {
        if (command.overrideLead() == null) {
            // supporting operators or a reason without a lead overrode nothing: the routing table decided, silently
            if (command.overrideSupporting() != null && !command.overrideSupporting().isEmpty()
                    || command.overrideReason() != null && !command.overrideReason().isBlank()) {
                throw invalid(DelegationProblem.OVERRIDE_LEAD_REQUIRED, "overrideLead",
                        "An override names its lead; without one the routing table decides and takes no operators "
                                + "or reason.");
            }
            if (declined.isEmpty()) {
                return RoutingDecision.decide(table, List.copyOf(themes), political);
            }
            Map<OperatorId, List<Theme>> open = new java.util.HashMap<>(table.themesByOperator());
            open.keySet().removeAll(declined);
            return RoutingDecision.decide(new RoutingTable.Snapshot(table.version(), open), List.copyOf(themes),
                    political).map(decision -> new RoutingDecision(decision.lead(), decision.supporting(),
                    decision.routingVersion(), decision.reason() + "; left out, having declined: "
                    + declined.stream().map(OperatorId::value).collect(java.util.stream.Collectors.joining(", "))));
        }
        if (command.overrideReason() == null || command.overrideReason().isBlank()) {
            throw invalid(DelegationProblem.OVERRIDE_REASON_REQUIRED, "reason", "Overriding the routing rules needs a reason.");
        }
        List<OperatorId> named = command.overrideSupporting() == null ? List.of() : command.overrideSupporting();
        if (named.contains(command.overrideLead())) {
            // dropped without a word before: what was sent was not what was recorded
            throw invalid(DelegationProblem.OVERRIDE_LEAD_SUPPORTING,
                    "overrideSupporting[" + named.indexOf(command.overrideLead()) + "]",
                    "The lead " + command.overrideLead() + " is not also a supporting operator.");
        }
        List<OperatorId> supporting = named.stream().distinct().toList();
        for (OperatorId operator : leadFirst(command.overrideLead(), supporting)) {
            if (!table.themesByOperator().containsKey(operator)) {
                String field = operator.equals(command.overrideLead()) ? "overrideLead"
                        : "overrideSupporting[" + command.overrideSupporting().indexOf(operator) + "]";
                throw new DomainProblem(DelegationProblem.UNKNOWN_OPERATOR, field, "No operator " + operator + ".");
            }
        }
        return Optional.of(new RoutingDecision(command.overrideLead(), supporting, table.version(),
                command.overrideReason().trim()));
    }

    /** Every operator the table gives for any of {@code themes}, by id (rule R4's offers on approval). */
    static List<OperatorId> operatorsTaking(RoutingTable.Snapshot table, List<Theme> themes) {
        return table.themesByOperator().entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(themes::contains))
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(OperatorId::value))
                .toList();
    }

    static List<OperatorId> leadFirst(OperatorId lead, List<OperatorId> supporting) {
        List<OperatorId> all = new ArrayList<>();
        all.add(lead);
        all.addAll(supporting);
        return all;
    }
}
