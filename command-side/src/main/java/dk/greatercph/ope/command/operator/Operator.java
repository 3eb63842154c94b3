package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.command.routing.RoutingTable;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.KpiTargetsAgreedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.operator.OperatorRenamedEvent;
import dk.greatercph.ope.events.operator.OperatorThemesChangedEvent;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An operator that hosts delegations on the themes it takes, measured on yearly KPI targets. */
@Aggregate
class Operator {

    @AggregateIdentifier
    private OperatorId operatorId;
    private String name;
    private List<Theme> themes;
    private Instant themesChangedAt;
    /** The targets agreed per year, as last agreed: the same agreement again records nothing. */
    private java.util.Map<Integer, Set<KpiTarget>> agreedTargets = new java.util.HashMap<>();

    protected Operator() {
    }

    @CommandHandler
    Operator(RegisterOperatorCommand command, RoutingTable routingTable, OperatorNames names) {
        requireName(command.name());
        List<Theme> themes = distinctThemes(command.themes());
        requireOwnName(names, command.operatorId(), command.name().trim());
        long version = routingTable.record(command.operatorId(), themes);
        // in a constructor the event is applied once the constructor has returned, so the time is read then
        apply(new OperatorRegisteredEvent(command.operatorId(), command.name().trim(), themes, version))
                .andThen(() -> routingTable.recordedAt(version, themesChangedAt));
    }

    @CommandHandler
    CommandResult handle(ChangeOperatorThemesCommand command, RoutingTable routingTable) {
        List<Theme> changed = distinctThemes(command.themes());
        if (Set.copyOf(changed).equals(Set.copyOf(themes))) {
            return CommandResult.done();
        }
        long version = routingTable.record(operatorId, changed);
        apply(new OperatorThemesChangedEvent(operatorId, changed, themes, version))
                .andThen(() -> routingTable.recordedAt(version, themesChangedAt));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RenameOperatorCommand command, OperatorNames names) {
        requireName(command.name());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainProblem(InputProblem.INVALID_FIELD, "reason", "A new name states its reason.");
        }
        String renamed = command.name().trim();
        if (renamed.equals(name)) {
            return CommandResult.done(); // the name it has: nothing recorded
        }
        requireOwnName(names, operatorId, renamed);
        apply(new OperatorRenamedEvent(operatorId, renamed, name, command.reason().strip()));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(AgreeKpiTargetsCommand command) {
        if (command.year() < 2013 || command.year() > 2100) {
            throw new DomainProblem(OperatorProblem.INVALID_YEAR, "year",
                    "KPI targets are agreed for a year from 2013 to 2100, not " + command.year() + ".");
        }
        Set<KpiKind> kinds = new HashSet<>();
        for (int i = 0; i < command.targets().size(); i++) {
            KpiTarget target = command.targets().get(i);
            if (target.target() < 0) {
                throw new DomainProblem(OperatorProblem.INVALID_KPI_TARGET, "targets[" + i + "].target",
                        "A KPI target is not negative.");
            }
            if (!kinds.add(target.kind())) {
                throw new DomainProblem(OperatorProblem.DUPLICATE_KPI, "targets[" + i + "].kind",
                        "KPI " + target.kind() + " is given more than once.");
            }
        }
        if (Set.copyOf(command.targets()).equals(agreedTargets.get(command.year()))) {
            return CommandResult.done(); // agreed already: a second event said nothing new
        }
        apply(new KpiTargetsAgreedEvent(operatorId, command.year(), command.targets()));
        return CommandResult.done();
    }

    @EventSourcingHandler
    void on(OperatorRegisteredEvent event, @Timestamp Instant at) {
        this.operatorId = event.operatorId();
        this.name = event.name();
        this.themes = event.themes();
        this.themesChangedAt = at;
    }

    @EventSourcingHandler
    void on(KpiTargetsAgreedEvent event) {
        agreedTargets.put(event.year(), Set.copyOf(event.targets()));
    }

    @EventSourcingHandler
    void on(OperatorRenamedEvent event) {
        this.name = event.name();
    }

    @EventSourcingHandler
    void on(OperatorThemesChangedEvent event, @Timestamp Instant at) {
        this.themes = event.themes();
        this.themesChangedAt = at;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainProblem(OperatorProblem.NAME_REQUIRED, "An operator has a name.");
        }
    }

    /** No other operator has the name as people read it; the name is then this operator's. */
    private static void requireOwnName(OperatorNames names, OperatorId operator, String name) {
        names.otherOperatorNamed(name, operator).ifPresent(other -> {
            throw new DomainProblem(OperatorProblem.DUPLICATE_OPERATOR_NAME, "name",
                    "is the name of the operator " + other + " already; tell the two apart in the name.");
        });
        names.name(operator, name);
    }

    private static List<Theme> distinctThemes(List<Theme> themes) {
        if (themes == null || themes.isEmpty()) {
            throw new DomainProblem(OperatorProblem.THEMES_REQUIRED, "An operator takes at least one theme.");
        }
        return themes.stream().distinct().sorted().toList();
    }
}
